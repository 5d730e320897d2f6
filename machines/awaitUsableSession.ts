import { AuthError } from './AuthError.js';
import type { AuthActor } from './authMachine.js';
import type { Clock } from './AuthPorts.js';
import { isExpired, msUntilRefresh, type Session } from './tokens/Session.js';
import { whenSettled } from './whenSettled.js';

/**
 * The session to use now, once nothing is in flight, refreshing first when the token is within
 * the refresh lead (timers freeze in background tabs and sleeping computers, so the proactive
 * refresh may not have run). Rejects with a typed error when there is no usable session:
 * `notSignedIn`, `sessionExpired`, or `offline` (tokens expired while refreshing keeps failing).
 */
export async function awaitUsableSession(
  actor: AuthActor,
  clock: Clock,
  options: { signal?: AbortSignal; refreshIfDue: boolean },
): Promise<Session> {
  // A sign-in asked for in the same tick may start while this waits: its outcome is the one to judge.
  const snapshot = await whenSettled(actor, (s) => !s.hasTag('busy'), (s) => s, options.signal ? { signal: options.signal } : {});
  const { session, error, config } = snapshot.context;
  const now = clock.now();
  const signedIn = snapshot.matches('signedIn') || snapshot.matches('refreshing');
  if (snapshot.matches('signedIn') && session && options.refreshIfDue && msUntilRefresh(session, config.refreshLeadMs, now) === 0) {
    actor.send({ type: 'REFRESH' });
    return awaitUsableSession(actor, clock, { ...options, refreshIfDue: false });
  }
  // A transient refresh failure keeps tokens usable until they expire.
  if (signedIn && session && !isExpired(session, now)) return session;
  if (signedIn) {
    throw new AuthError('offline', 'You appear to be offline; the session resumes when the connection is back.', {
      cause: error,
    });
  }
  if (snapshot.matches('expired')) throw new AuthError('sessionExpired', 'The session has expired; please sign in again.');
  throw new AuthError('notSignedIn', 'Sign in to call this API.');
}
