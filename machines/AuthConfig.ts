import type { SimulatedClock } from 'xstate';
import type { Clock, SignalSource } from './AuthPorts.js';
import type { CognitoTransport } from './cognito/CognitoTransport.js';
import type { RedactedInspector } from './inspect/isRedactedInspector.js';
import type { ChoiceBasedSignInPort } from './choice/ChoiceBasedSignInPort.js';
import type { OAuthPort } from './oauth/OAuthPort.js';
import type { PasskeyPort } from './passkeys/PasskeyPort.js';
import type { DevicePort } from './devices/DevicePort.js';
import type { AuthConfigInput } from './resolveConfig.js';
import type { StorageTier } from './storage/StorageTier.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import type { RefreshLock } from './tabs/RefreshLock.js';
import type { TabChannel } from './tabs/TabChannel.js';

/** What `createAuth` takes: the machine's options and the ports' (every one checked by resolveOptions). */
export interface AuthConfig extends AuthConfigInput {
  /**
   * Where tokens are kept. Default `local`: survives reloads and is shared by tabs. `session`: per
   * tab; `memory`: lost on reload. A StorageTier brings its own Cognito calls: `workerTier()` from
   * `authchart/worker` keeps the refresh token inside a Web Worker (the page never sees it).
   */
  storage?: 'local' | 'session' | 'memory' | TokenStorage | StorageTier;
  /** How to reach Cognito. Default: `fetchTransport` (no AWS SDK in the bundle). */
  transport?: CognitoTransport;
  /**
   * An inspector made by `redactedInspector(…)` from `authchart/inspect` (e.g. around
   * `@statelyai/inspect`'s `inspector.inspect`): it only ever receives redacted events.
   */
  inspect?: RedactedInspector;
  /** Managed login with PKCE: `hostedUi({ domain, redirectUri })` from `authchart/oauth`. */
  oauth?: OAuthPort;
  /**
   * Choice-based sign-in (`authFlow: 'USER_AUTH'`, or `preferredChallenge` on a sign-in):
   * `choiceBasedSignIn()` from `authchart/choice`, which makes its requests.
   */
  choice?: ChoiceBasedSignInPort;
  /**
   * Passkeys for choice-based sign-in (`authFlow: 'USER_AUTH'`): `browserPasskeys()` from
   * `authchart/passkeys`, which is null where the browser has no WebAuthn. Without it, passkeys
   * are not offered.
   */
  passkeys?: PasskeyPort | null;
  /**
   * For pools that track devices (their DeviceConfiguration): `rememberedDevices()` from
   * `authchart/devices` confirms the device Cognito names at sign-in, keeps its secret beside the
   * session, and proves it at the next sign-in (so the pool may skip MFA on it). Without it, on
   * such a pool, the device is not confirmed and the actor emits `deviceNotRemembered`.
   */
  devices?: DevicePort;
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
  /** Jitter for retry backoff; default Math.random. */
  random?: () => number;
  /** Wake-ups (visible, online, focus, pageshow); default the browser's; null to disable. */
  wake?: SignalSource | null;
  /** User activity for the idle timeout; default the browser's, throttled; null to disable. */
  activity?: SignalSource | null;
}
