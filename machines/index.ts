// The public API. Everything is exported by name: what is not listed here is internal.
export { createAuth } from './createAuth.js';
export type { Auth, AuthConfig, AuthTokens } from './createAuth.js';
export {
  selectIsAuthenticated,
  selectIsOffline,
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
export type {
  AuthContext,
  AuthEmitted,
  AuthEvent,
  AuthMachineInput,
  AuthPorts,
  Challenge,
  ChallengeName,
  Clock,
  CodeDelivery,
  Credentials,
  MfaType,
  Notice,
  RefreshApi,
  SignInResult,
  TotpSetup,
  ResolvedAuthConfig,
  RestoreResult,
  SessionEndReason,
  SignalSource,
} from './authMachine.types.js';
export { AuthError, toAuthError } from './AuthError.js';
export type { AuthErrorCode } from './AuthError.js';
export { resolveConfig, defaultIssuer } from './resolveConfig.js';
export type { AuthConfigInput } from './resolveConfig.js';
export { fetchTransport } from './cognito/fetchTransport.js';
export type { FetchTransportOptions } from './cognito/fetchTransport.js';
export type { CognitoOperation, CognitoOperations, CognitoTransport } from './cognito/CognitoTransport.js';
export { memoryStorage } from './storage/memoryStorage.js';
export { fallbackStorage } from './storage/fallbackStorage.js';
export type { TokenStorage } from './storage/TokenStorage.js';
export type { AccessTokenClaims, IdTokenClaims, Session, TokenSet } from './tokens/Session.js';
export { tokenIdOf } from './tokens/Session.js';
export { redactValue } from './inspect/redactValue.js';
export { redactInspectionEvent } from './inspect/redactInspectionEvent.js';
export { broadcastTabChannel } from './tabs/broadcastTabChannel.js';
export { webLocksRefreshLock } from './tabs/webLocksRefreshLock.js';
export { noRefreshLock } from './tabs/RefreshLock.js';
export type { RefreshLock } from './tabs/RefreshLock.js';
export type { TabChannel, TabMessage } from './tabs/TabChannel.js';
export { wakeSignals } from './browser/wakeSignals.js';
export { activitySignals } from './browser/activitySignals.js';
export { workerTransport } from './worker/workerTransport.js';
export type { VaultPort } from './worker/workerTransport.js';
export { serveVault } from './worker/serveVault.js';
export { createRefreshTokenVault } from './worker/refreshTokenVault.js';
