import { createActor, waitFor, type InspectionEvent, type Observer, type SimulatedClock } from 'xstate';
import { AuthError } from './AuthError.js';
import { authMachine, type AuthActor } from './authMachine.js';
import { awaitUsableSession } from './awaitUsableSession.js';
import type { AuthPorts, Clock, ResolvedAuthConfig, SignalSource } from './authMachine.types.js';
import { activitySignals } from './browser/activitySignals.js';
import { wakeSignals } from './browser/wakeSignals.js';
import { broadcastTabChannel } from './tabs/broadcastTabChannel.js';
import { noRefreshLock, type RefreshLock } from './tabs/RefreshLock.js';
import type { TabChannel } from './tabs/TabChannel.js';
import { webLocksRefreshLock } from './tabs/webLocksRefreshLock.js';
import { createAuthSteps, type AuthSteps } from './authSteps.js';
import type { CognitoTransport } from './cognito/CognitoTransport.js';
import { fetchTransport } from './cognito/fetchTransport.js';
import { workerTransport } from './worker/workerTransport.js';
import { createAuthFetch, type AuthFetch } from './http/authFetch.js';
import { resolveApiOrigins } from './http/resolveApiOrigins.js';
import { redactInspectionEvent } from './inspect/redactInspectionEvent.js';
import { resolveConfig, type AuthConfigInput } from './resolveConfig.js';
import { memoryStorage } from './storage/memoryStorage.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import { fallbackStorage } from './storage/fallbackStorage.js';
import { selectUser, type AuthUser } from './selectors.js';

export interface AuthConfig extends AuthConfigInput {
  /**
   * Where tokens are kept. Default `local`: survives reloads and is shared by tabs. `worker`:
   * ID and access tokens in memory, the refresh token inside a Web Worker that makes the Cognito
   * calls (the page never sees it); lost on reload, like `memory`.
   */
  storage?: 'local' | 'session' | 'memory' | 'worker' | TokenStorage;
  /** How to reach Cognito. Default: `fetchTransport` (no AWS SDK in the bundle). */
  transport?: CognitoTransport;
  /**
   * Inspection callback or observer, e.g. `@statelyai/inspect`'s `inspector.inspect`. It receives
   * events with tokens, passwords and challenge sessions redacted.
   */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /**
   * The time source. Tests pass XState's SimulatedClock, which then also drives the machine's
   * timers (it has `setTimeout`/`clearTimeout`).
   */
  clock?: Clock & Partial<Pick<SimulatedClock, 'setTimeout' | 'clearTimeout'>>;
  /**
   * How tabs sharing `local` storage keep in step: default BroadcastChannel (or the `storage`
   * event) and Web Locks. `false` keeps each tab on its own; tests pass in-process fakes.
   */
  tabs?: { channel: TabChannel; lock: RefreshLock } | false;
  /**
   * Origins whose requests `auth.fetch` sends the token to, e.g. `['https://api.example.com']`.
   * https only (plain http for loopback). Default: the page's own origin.
   */
  apiOrigins?: string[];
  /** The token `auth.fetch` sends: `id` (default, as API Gateway's Cognito authorizer expects) or `access`. */
  apiToken?: 'id' | 'access';
  /** Send `Authorization: Bearer <token>` instead of the raw token (default false). */
  bearer?: boolean;
  /** The fetch used for Cognito (by the default transport) and the API; default the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Every Cognito request gives up after this long (the default transport). Default 10. The
   * cross-tab refresh lock is taken over after this plus 5 s: with your own `transport`, give its
   * timeout here.
   */
  requestTimeoutSeconds?: number;
  /** Jitter for retry backoff; default Math.random. */
  random?: () => number;
  /** Wake-ups (visible, online, focus, pageshow); default the browser's; null to disable. */
  wake?: SignalSource | null;
  /** User activity for the idle timeout; default the browser's, throttled; null to disable. */
  activity?: SignalSource | null;
}

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

const wallClock: Clock = { now: () => Date.now() };

/** The composition root: validates config, builds the ports and starts the auth actor. */
export function createAuth(config: AuthConfig): Auth {
  const resolved = resolveConfig(config);
  const apiOrigins = resolveApiOrigins(config.apiOrigins, globalThis.location?.origin);
  const fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clock = config.clock ?? wallClock;
  let actor: AuthActor | undefined;
  const reportFallback = (error: AuthError) => actor?.send({ type: 'STORAGE_FALLBACK', error });
  const transportOptions = {
    region: resolved.region,
    timeoutMs: (config.requestTimeoutSeconds ?? 10) * 1000,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  };
  const vault = config.storage === 'worker' ? startVaultWorker(config) : undefined;
  const ports: AuthPorts = {
    transport:
      config.transport ??
      (vault ? workerTransport(vault, transportOptions) : fetchTransport({ ...transportOptions, fetch })),
    storage: resolveStorage(config.storage ?? 'local', reportFallback),
    clock,
    ...resolveTabs(config, resolved, transportOptions.timeoutMs),
    random: config.random ?? Math.random,
    wake: config.wake === undefined ? wakeSignals() : config.wake,
    // Activity is only watched when an idle timeout needs it.
    activity: config.activity !== undefined ? config.activity : resolved.idleTimeoutMs === null ? null : activitySignals(clock),
  };
  const timerClock = config.clock?.setTimeout && config.clock.clearTimeout ? config.clock : undefined;
  actor = createActor(authMachine, {
    input: { config: resolved, ports },
    ...(timerClock ? { clock: timerClock as SimulatedClock } : {}),
    ...(config.inspect ? { inspect: redactingInspector(config.inspect) } : {}),
  });
  actor.start();
  const running = actor;

  return {
    actor: running,
    fetch: createAuthFetch({
      actor: running,
      clock: ports.clock,
      fetch,
      apiOrigins,
      token: config.apiToken ?? 'id',
      bearer: config.bearer ?? false,
      baseUrl: globalThis.location?.href,
    }),
    ...createAuthSteps(running),
    async signOut(options = {}) {
      // Sign-out during start-up (or a sync from another tab) applies to what it finds.
      await waitFor(running, (s) => !s.matches('restoring') && !s.matches('syncing'));
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
      vault?.terminate();
    },
  };
}

/** Only `local` storage is shared by tabs; with it, tabs share sign-in, refreshes and sign-out. */
function resolveTabs(
  config: AuthConfig,
  resolved: ResolvedAuthConfig,
  requestTimeoutMs: number,
): Pick<AuthPorts, 'channel' | 'lock'> {
  if (config.tabs) return config.tabs;
  const shared = config.tabs === undefined && (config.storage ?? 'local') === 'local';
  if (!shared) return { channel: null, lock: noRefreshLock };
  const name = `authchart:${resolved.userPoolId}:${resolved.clientId}`;
  return {
    channel: broadcastTabChannel(name, resolved.storageKey),
    // Longer than a refresh request may take (it gives up after requestTimeoutMs), so a live
    // holder is never robbed of the lock: a second refresh with a rotated-away token is refused
    // and would end the session in every tab.
    lock: webLocksRefreshLock(name, requestTimeoutMs + LOCK_MARGIN_MS),
  };
}

const LOCK_MARGIN_MS = 5_000;

/** The refresh-token vault of the `worker` tier; its own transport replaces `config.transport`. */
function startVaultWorker(config: AuthConfig): Worker {
  if (config.transport) throw new AuthError('invalidConfig', "storage 'worker' makes its own Cognito calls: leave transport unset.");
  if (typeof Worker === 'undefined') throw new AuthError('invalidConfig', "storage 'worker' needs Web Workers, which this environment lacks.");
  return new Worker(new URL('./worker/vaultWorker.ts', import.meta.url), { type: 'module', name: 'authchart-vault' });
}

function resolveStorage(storage: NonNullable<AuthConfig['storage']>, onFallback: (error: AuthError) => void): TokenStorage {
  switch (storage) {
    case 'memory':
      return memoryStorage();
    case 'worker':
      return memoryStorage('worker');
    case 'local':
      return fallbackStorage('local', () => globalThis.localStorage, onFallback);
    case 'session':
      return fallbackStorage('session', () => globalThis.sessionStorage, onFallback);
    default:
      return fallbackStorage(storage.kind, () => storage, onFallback);
  }
}

function redactingInspector(
  inspect: NonNullable<AuthConfig['inspect']>,
): (event: InspectionEvent) => void {
  const deliver = typeof inspect === 'function' ? inspect : (event: InspectionEvent) => inspect.next?.(event);
  return (event) => deliver(redactInspectionEvent(event));
}
