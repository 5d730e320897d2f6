// The public API. Everything is exported by name: what is not listed here is internal.
export { createAuth } from './createAuth.js';
export type { Auth, AuthConfig, AuthTokens } from './createAuth.js';
export {
  selectIsAuthenticated,
  selectIsOffline,
  selectFirstFactorChoices,
  selectNeedsReauth,
  selectNextStep,
  selectSessionTimes,
  selectUser,
} from './selectors.js';
export type { AuthUser, NextStep, SessionTimes } from './selectors.js';
export type { AuthSteps } from './authSteps.js';
export { authMachine } from './authMachine.js';
export type { AuthActor } from './authMachine.js';
export type { AuthFetch } from './http/authFetch.js';
export type { AuthContext, AuthMachineInput, Credentials, RestoreResult, SignInResult } from './AuthContext.js';
export type { AuthEmitted, AuthEvent } from './AuthEvent.js';
export type { AuthPorts, Clock, SignalSource } from './AuthPorts.js';
export type { Challenge, ChallengeKind, ChallengeName, FirstFactor, FirstFactorStep, MfaType } from './challenges/Challenge.js';
export type { PasskeyPort } from './passkeys/PasskeyPort.js';
export type { ChoiceBasedSignInPort } from './choice/ChoiceBasedSignInPort.js';
export type { DevicePort, KeptDeviceInput, NewDevice } from './devices/DevicePort.js';
export type { RefreshApi, ResolvedAuthConfig, SignInFlow } from './ResolvedAuthConfig.js';
export type { SessionEndReason } from './SessionEndReason.js';
export type { TotpSetup } from './TotpSetup.js';
export { AuthError, toAuthError } from './AuthError.js';
export type { AuthErrorCode } from './AuthError.js';
// For apps that run `authMachine` themselves: its input takes a resolved config and the ports.
export { resolveConfig } from './resolveConfig.js';
export type { AuthConfigInput } from './resolveConfig.js';
export { fetchTransport } from './cognito/fetchTransport.js';
export type { FetchTransportOptions } from './cognito/fetchTransport.js';
export type { CognitoOperation, CognitoOperations, CognitoTransport } from './cognito/CognitoTransport.js';
export { memoryStorage } from './storage/memoryStorage.js';
export { fallbackStorage } from './storage/fallbackStorage.js';
export type { TokenStorage } from './storage/TokenStorage.js';
export type { StorageTier } from './storage/StorageTier.js';
export type { AccessTokenClaims, IdTokenClaims, Session, TokenSet } from './tokens/Session.js';
export { tokenIdOf } from './tokens/Session.js';
// The inspector createAuth takes is made by `redactedInspector` in the `authchart/inspect` entry.
export type { RedactedInspector } from './inspect/isRedactedInspector.js';
// The default adapters behind `createAuth`'s ports, for apps that compose `tabs`, `wake` or
// `activity` themselves (e.g. a channel per user, or their own activity throttle).
export { broadcastTabChannel } from './tabs/broadcastTabChannel.js';
export { webLocksRefreshLock } from './tabs/webLocksRefreshLock.js';
export { noRefreshLock } from './tabs/RefreshLock.js';
export type { RefreshLock } from './tabs/RefreshLock.js';
export type { TabChannel, TabMessage } from './tabs/TabChannel.js';
export { wakeSignals } from './browser/wakeSignals.js';
export { activitySignals } from './browser/activitySignals.js';
