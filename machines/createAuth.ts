import { createActor, waitFor } from 'xstate';
import { AuthError } from './AuthError.js';
import type { AuthConfig } from './AuthConfig.js';
import { authMachine, type AuthActor } from './authMachine.js';
import type { AuthPorts } from './AuthPorts.js';
import { createAuthSteps, type AuthSteps } from './authSteps.js';
import { awaitUsableSession } from './awaitUsableSession.js';
import { activitySignals } from './browser/activitySignals.js';
import { wakeSignals } from './browser/wakeSignals.js';
import { fetchTransport } from './cognito/fetchTransport.js';
import { createAuthFetch, type AuthFetch } from './http/authFetch.js';
import { resolveOptions, type ResolvedOptions } from './resolveOptions.js';
import { selectUser, type AuthUser } from './selectors.js';
import { fallbackStorage } from './storage/fallbackStorage.js';
import { memoryStorage } from './storage/memoryStorage.js';
import type { StorageTier } from './storage/StorageTier.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import { broadcastTabChannel } from './tabs/broadcastTabChannel.js';
import { noRefreshLock } from './tabs/RefreshLock.js';
import { webLocksRefreshLock } from './tabs/webLocksRefreshLock.js';

export type { AuthConfig } from './AuthConfig.js';

export interface AuthTokens {
  idToken: string;
  accessToken: string;
}

export interface Auth extends AuthSteps {
  /** The running actor: `subscribe`, `getSnapshot`, `send`, `on('storageFallback', …)`. */
  actor: AuthActor;
  /** Signs out (revoking the refresh token); resolves once signed out, never rejects. */
  signOut(options?: { global?: boolean }): Promise<void>;
  /**
   * `fetch` that sends the token to the API origins (other origins get none), refreshes first
   * when it is about to expire, and after a 401 refreshes once and replays once.
   */
  fetch: AuthFetch;
  /** Unexpired tokens, waiting for a start-up restore or a refresh in flight; null when signed out. */
  getTokens(): Promise<AuthTokens | null>;
  /** The signed-in user from the ID token, or null. */
  user(): AuthUser | null;
  /** Stops the actor and its timers (tests, hot reload). */
  stop(): void;
}

/** The composition root: validates config, builds the ports and starts the auth actor. */
export function createAuth(config: AuthConfig): Auth {
  const options = resolveOptions(config);
  const { machine, clock } = options;
  let actor: AuthActor | undefined;
  const reportFallback = (error: AuthError) => actor?.send({ type: 'STORAGE_FALLBACK', error });
  const transportOptions = {
    region: machine.region,
    timeoutMs: machine.requestTimeoutMs,
    ...(machine.endpoint ? { endpoint: machine.endpoint } : {}),
  };
  const tier = typeof options.storage === 'object' && 'transport' in options.storage ? options.storage : undefined;
  const ports: AuthPorts = {
    transport: options.transport ?? tier?.transport(transportOptions) ?? fetchTransport({ ...transportOptions, fetch: options.fetch }),
    storage: tier?.storage ?? resolveStorage(options.storage as Exclude<ResolvedOptions['storage'], StorageTier>, reportFallback),
    clock,
    ...resolveTabs(options),
    random: options.random,
    wake: options.wake === undefined ? wakeSignals() : options.wake,
    // Activity is only watched when an idle timeout needs it.
    activity: options.activity !== undefined ? options.activity : machine.idleTimeoutMs === null ? null : activitySignals(clock),
    oauth: options.oauth,
    choice: options.choice,
    passkeys: options.passkeys,
    // A tier that keeps secrets away from the page keeps the device secrets too.
    devices: options.devices && tier?.devices ? tier.devices(options.devices) : options.devices,
  };
  actor = createActor(authMachine, {
    input: { config: machine, ports },
    ...(options.timerClock ? { clock: options.timerClock } : {}),
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.start();
  const running = actor;
  // Back from managed login: the answer is read (and removed from the address bar) before anything else.
  const redirectResponse = ports.oauth?.takeRedirectResponse(machine);
  if (redirectResponse) running.send({ type: 'REDIRECT_RETURNED', response: redirectResponse });

  return {
    actor: running,
    fetch: createAuthFetch({
      actor: running,
      clock,
      fetch: options.fetch,
      apiOrigins: options.apiOrigins,
      token: options.apiToken,
      bearer: options.bearer,
      baseUrl: globalThis.location?.href,
    }),
    ...createAuthSteps(running),
    async signOut(options = {}) {
      // Sign-out during start-up, a sync from another tab or the code exchange after managed
      // login applies to what it finds: tokens that arrive meanwhile are revoked, not kept.
      await waitFor(running, (s) => !s.matches('restoring') && !s.matches('syncing') && !s.matches('handlingRedirect'));
      running.send({ type: 'SIGN_OUT', ...(options.global ? { global: true } : {}) });
      await waitFor(running, (s) => s.matches('signedOut'));
    },
    async getTokens() {
      try {
        const session = await awaitUsableSession(running, clock, { refreshIfDue: true });
        return { idToken: session.tokens.idToken, accessToken: session.tokens.accessToken };
      } catch (error) {
        if (error instanceof AuthError) return null;
        throw error;
      }
    },
    user() {
      return selectUser(running.getSnapshot());
    },
    stop() {
      running.stop();
      tier?.stop();
    },
  };
}

/** Only `local` storage is shared by tabs; with it, tabs share sign-in, refreshes and sign-out. */
function resolveTabs({ tabs, machine }: ResolvedOptions): Pick<AuthPorts, 'channel' | 'lock'> {
  if (tabs === false) return { channel: null, lock: noRefreshLock };
  if (tabs !== 'shared') return tabs;
  const name = `authchart:${machine.userPoolId}:${machine.clientId}`;
  return {
    channel: broadcastTabChannel(name, machine.storageKey),
    // Longer than a refresh request may take, so a live holder is never robbed of the lock: a
    // second refresh with a rotated-away token is refused and would end the session in every tab.
    lock: webLocksRefreshLock(name, machine.lockTimeoutMs),
  };
}

function resolveStorage(storage: Exclude<ResolvedOptions['storage'], StorageTier>, onFallback: (error: AuthError) => void): TokenStorage {
  switch (storage) {
    case 'memory':
      return memoryStorage();
    case 'local':
      return fallbackStorage('local', () => globalThis.localStorage, onFallback);
    case 'session':
      return fallbackStorage('session', () => globalThis.sessionStorage, onFallback);
    default:
      return fallbackStorage(storage.kind, () => storage, onFallback);
  }
}
