import type { InspectionEvent, SimulatedClock } from 'xstate';
import { AuthError } from './AuthError.js';
import type { AuthConfig } from './AuthConfig.js';
import type { Clock, SignalSource } from './AuthPorts.js';
import type { CognitoTransport } from './cognito/CognitoTransport.js';
import { resolveApiOrigins } from './http/resolveApiOrigins.js';
import { isRedactedInspector } from './inspect/isRedactedInspector.js';
import type { ChoiceBasedSignInPort } from './choice/ChoiceBasedSignInPort.js';
import type { OAuthPort } from './oauth/OAuthPort.js';
import type { PasskeyPort } from './passkeys/PasskeyPort.js';
import type { DevicePort } from './devices/DevicePort.js';
import type { ResolvedAuthConfig } from './ResolvedAuthConfig.js';
import { resolveConfig } from './resolveConfig.js';
import type { StorageTier } from './storage/StorageTier.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import type { RefreshLock } from './tabs/RefreshLock.js';
import type { TabChannel } from './tabs/TabChannel.js';

/**
 * `createAuth`'s options, checked and with their defaults: the only configuration the rest of
 * createAuth reads. `undefined` where a default needs the browser (wake, activity signals) and
 * is built there.
 */
export interface ResolvedOptions {
  machine: ResolvedAuthConfig;
  storage: 'local' | 'session' | 'memory' | TokenStorage | StorageTier;
  transport: CognitoTransport | undefined;
  inspect: ((event: InspectionEvent) => void) | undefined;
  clock: Clock;
  /** The clock's timers, when it has them (SimulatedClock): they then drive the machine's. */
  timerClock: SimulatedClock | undefined;
  /** Explicit ports, `false` for none, or `'shared'`: the browser's, when storage is shared. */
  tabs: { channel: TabChannel; lock: RefreshLock } | false | 'shared';
  apiOrigins: Set<string>;
  apiToken: 'id' | 'access';
  bearer: boolean;
  fetch: typeof globalThis.fetch;
  random: () => number;
  wake: SignalSource | null | undefined;
  activity: SignalSource | null | undefined;
  oauth: OAuthPort | null;
  choice: ChoiceBasedSignInPort | null;
  passkeys: PasskeyPort | null;
  devices: DevicePort | null;
}

const wallClock: Clock = { now: () => Date.now() };
const STORAGE_NAMES = ['local', 'session', 'memory'];

/** Validates every option once, at creation: a mistake fails with `invalidConfig` naming it. */
export function resolveOptions(config: AuthConfig): ResolvedOptions {
  const machine = resolveConfig(config);
  const storage = config.storage ?? 'local';
  const tier = isStorageTier(storage);
  if (typeof storage === 'string' ? !STORAGE_NAMES.includes(storage) : !tier && !hasMethods(storage, 'getItem', 'setItem', 'removeItem')) {
    throw invalidOption('storage', "'local', 'session', 'memory', a TokenStorage or a StorageTier (workerTier())");
  }
  if (config.transport !== undefined && !hasMethods(config.transport, 'call')) throw invalidOption('transport', 'a CognitoTransport');
  if (config.transport !== undefined && tier) {
    throw new AuthError('invalidConfig', 'This storage tier makes its own Cognito calls: leave transport unset.');
  }
  if (config.clock !== undefined && !hasMethods(config.clock, 'now')) throw invalidOption('clock', 'an object with now()');
  const tabs = config.tabs ?? 'shared';
  if (tabs !== false && tabs !== 'shared' && !(hasMethods(tabs.channel, 'post', 'subscribe') && hasMethods(tabs.lock, 'acquire'))) {
    throw invalidOption('tabs', 'false or { channel, lock }');
  }
  if (config.apiToken !== undefined && config.apiToken !== 'id' && config.apiToken !== 'access') {
    throw invalidOption('apiToken', "'id' or 'access'");
  }
  if (config.bearer !== undefined && typeof config.bearer !== 'boolean') throw invalidOption('bearer', 'true or false');
  for (const name of ['fetch', 'random'] as const) {
    if (config[name] !== undefined && typeof config[name] !== 'function') throw invalidOption(name, 'a function');
  }
  for (const name of ['wake', 'activity'] as const) {
    const source = config[name];
    if (source !== undefined && source !== null && !hasMethods(source, 'subscribe')) throw invalidOption(name, 'null or a SignalSource');
  }
  if (config.apiOrigins !== undefined && !Array.isArray(config.apiOrigins)) throw invalidOption('apiOrigins', 'a list of origins');
  if (config.oauth !== undefined && !hasMethods(config.oauth, 'takeRedirectResponse', 'startRedirect', 'completeRedirect', 'rememberHostedSignIn', 'endHostedSession')) {
    throw invalidOption('oauth', "made by hostedUi(…) from 'authchart/oauth'");
  }
  if (config.choice !== undefined && !hasMethods(config.choice, 'start', 'choose', 'offerChoice', 'answerWithPasskey')) {
    throw invalidOption('choice', "made by choiceBasedSignIn() from 'authchart/choice'");
  }
  if (machine.authFlow === 'USER_AUTH' && config.choice === undefined) {
    throw new AuthError('invalidConfig', "authFlow 'USER_AUTH' needs createAuth's choice: choiceBasedSignIn() from 'authchart/choice'.");
  }
  if (config.passkeys !== undefined && config.passkeys !== null && !hasMethods(config.passkeys, 'authenticate', 'register')) {
    throw invalidOption('passkeys', "null or made by browserPasskeys() from 'authchart/passkeys'");
  }
  if (config.devices !== undefined && !hasMethods(config.devices, 'deviceKeyFor', 'confirm', 'prove', 'forget', 'forgetName')) {
    throw invalidOption('devices', "made by rememberedDevices() from 'authchart/devices'");
  }
  const clock = config.clock ?? wallClock;
  return {
    machine,
    storage,
    transport: config.transport,
    inspect: inspectCallback(config.inspect),
    clock,
    timerClock: config.clock?.setTimeout && config.clock.clearTimeout ? (config.clock as SimulatedClock) : undefined,
    tabs: tabs === 'shared' && storage !== 'local' ? false : tabs,
    apiOrigins: resolveApiOrigins(config.apiOrigins, globalThis.location?.origin),
    apiToken: config.apiToken ?? 'id',
    bearer: config.bearer ?? false,
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    random: config.random ?? Math.random,
    wake: config.wake,
    activity: config.activity,
    oauth: config.oauth ?? null,
    choice: config.choice ?? null,
    passkeys: config.passkeys ?? null,
    devices: config.devices ?? null,
  };
}

function inspectCallback(inspect: AuthConfig['inspect']): ResolvedOptions['inspect'] {
  if (inspect === undefined || isRedactedInspector(inspect)) return inspect;
  throw invalidOption('inspect', "made by redactedInspector(…) from 'authchart/inspect', which keeps tokens out of the inspector");
}

function isStorageTier(storage: unknown): storage is StorageTier {
  return hasMethods(storage, 'transport', 'stop') && hasMethods((storage as StorageTier).storage, 'getItem', 'setItem', 'removeItem');
}

function hasMethods(value: unknown, ...names: string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}

function invalidOption(name: string, expected: string): AuthError {
  return new AuthError('invalidConfig', `${name} must be ${expected}.`);
}
