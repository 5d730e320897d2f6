import type { CognitoTransport } from './cognito/CognitoTransport.js';
import type { ChoiceBasedSignInPort } from './choice/ChoiceBasedSignInPort.js';
import type { DevicePort } from './devices/DevicePort.js';
import type { OAuthPort } from './oauth/OAuthPort.js';
import type { PasskeyPort } from './passkeys/PasskeyPort.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import type { RefreshLock } from './tabs/RefreshLock.js';
import type { TabChannel } from './tabs/TabChannel.js';

/** The only source of "now" in the machine, so tests drive time with SimulatedClock. */
export interface Clock {
  now(): number;
}

/** Side effects come in through these; tests pass fakes. */
export interface AuthPorts {
  transport: CognitoTransport;
  storage: TokenStorage;
  clock: Clock;
  /** Other tabs sharing the storage; null when tabs keep separate sessions. */
  channel: TabChannel | null;
  /** One refresh at a time across those tabs. */
  lock: RefreshLock;
  /** Jitter for retry backoff; tests pass a constant. */
  random: () => number;
  /** When a frozen or sleeping page may have missed its timers (visible, online, focus…). */
  wake: SignalSource | null;
  /** User activity in this tab (already throttled), for the idle timeout. */
  activity: SignalSource | null;
  /** Managed login (`hostedUi(…)` from `authchart/oauth`); null when the app never redirects. */
  oauth: OAuthPort | null;
  /** Choice-based sign-in's requests (`choiceBasedSignIn()` from `authchart/choice`); null when the app never signs in so. */
  choice: ChoiceBasedSignInPort | null;
  /** Passkeys (`browserPasskeys()` from `authchart/passkeys`); null where the app or the browser has none. */
  passkeys: PasskeyPort | null;
  /** Remembered devices (`rememberedDevices()` from `authchart/devices`); null on pools that do not track devices. */
  devices: DevicePort | null;
}

/** Something that calls back now and then, e.g. on `visibilitychange`; returns unsubscribe. */
export interface SignalSource {
  subscribe(listener: () => void): () => void;
}
