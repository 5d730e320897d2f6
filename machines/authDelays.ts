import type { AuthContext } from './AuthContext.js';
import { msUntilRefresh } from './tokens/Session.js';

type Args = { context: AuthContext };

/** setTimeout fires at once beyond 2^31 − 1 ms (about 24.8 days); no timer may ask for more. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function clampTimer(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/** The auth machine's delays, by name (authSetup.ts): each timer's length, from the context. */
export const authDelays = {
  refreshDue: ({ context }: Args) =>
    context.session ? msUntilRefresh(context.session, context.config.refreshLeadMs, context.ports.clock.now()) : 0,
  /** Exponential backoff, capped, with "equal jitter" so tabs and clients do not retry in step. */
  refreshRetry: ({ context }: Args) => {
    const backoff = Math.min(
      context.config.retryMaxDelayMs,
      context.config.retryBaseDelayMs * 2 ** Math.max(0, context.refreshFailures - 1),
    );
    return backoff / 2 + (backoff / 2) * context.ports.random();
  },
  /** Idle time left since the last activity in any tab (a very long wait when the feature is off). */
  idleDue: ({ context }: Args) =>
    context.config.idleTimeoutMs === null
      ? MAX_TIMER_MS
      : clampTimer(context.lastActivityAt + context.config.idleTimeoutMs - context.ports.clock.now()),
  /**
   * The warning's time left, counted from the last activity too: a refresh during the warning
   * leaves signedIn and comes back through `idle`, and must not start the warning over.
   */
  idleWarning: ({ context }: Args) =>
    context.config.idleTimeoutMs === null
      ? MAX_TIMER_MS
      : clampTimer(
          context.lastActivityAt + context.config.idleTimeoutMs + context.config.idleWarningMs - context.ports.clock.now(),
        ),
  /** Time left until the session's maximum age, counted from `auth_time` on the server clock. */
  maxSessionAgeDue: ({ context }: Args) => {
    const { session, config, ports } = context;
    if (!session || config.maxSessionAgeMs === null) return MAX_TIMER_MS;
    const authTime = (session.idClaims.auth_time ?? session.idClaims.iat) * 1000 - session.driftMs;
    return clampTimer(authTime + config.maxSessionAgeMs - ports.clock.now());
  },
  challengeTimeout: ({ context }: Args) => context.config.challengeTimeoutMs,
  /** The sign-in page normally replaces this one at once. */
  redirectTimeout: ({ context }: Args) => context.config.requestTimeoutMs,
  /** How long a tab granted the lock waits for the news of the tab that held it before. */
  otherTabNewsDue: ({ context }: Args) => context.config.otherTabNewsWaitMs,
};
