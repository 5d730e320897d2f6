import type { AuthError } from './AuthError.js';
import type { CognitoTransport } from './cognito/CognitoTransport.js';
import type { TokenStorage } from './storage/TokenStorage.js';
import type { RefreshLock } from './tabs/RefreshLock.js';
import type { TabChannel } from './tabs/TabChannel.js';
import type { Session } from './tokens/Session.js';

/** Why a session ended. Apps show it ("you were signed out because…") and tests assert it. */
export type SessionEndReason =
  /** The user signed out. */
  | 'user'
  /** The refresh token was refused: expired, revoked or the user is gone. */
  | 'expired'
  /** Stored data could not be used (tampered, foreign, old version); storage was cleared. */
  | 'invalidStorage'
  /** The API refused freshly refreshed tokens: the session was revoked server-side. */
  | 'revoked'
  /** A sign-in challenge (new password, MFA) was not answered in time. */
  | 'challengeExpired'
  /** The user signed out in another tab. */
  | 'otherTab'
  /** No activity in any tab for the configured idle time (and no answer to "still there?"). */
  | 'idle'
  /** The session reached its configured maximum age (from the ID token's `auth_time`). */
  | 'maxAge';

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
}

/** Something that calls back now and then, e.g. on `visibilitychange`; returns unsubscribe. */
export interface SignalSource {
  subscribe(listener: () => void): () => void;
}

/** Configuration after validation and defaults (see createAuth). */
export interface ResolvedAuthConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** The `iss` every token must carry. */
  issuer: string;
  refreshLeadMs: number;
  /** First wait after a transient refresh failure; doubles per attempt up to `retryMaxDelayMs`. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  storageKey: string;
  /** How long a sign-in challenge may wait for an answer (Cognito's session: 3 minutes by default). */
  challengeTimeoutMs: number;
  /** The issuer shown in authenticator apps for TOTP. */
  totpIssuer: string;
  /**
   * How to refresh: `auto` tries GetTokensFromRefreshToken (required when the app client rotates
   * refresh tokens) and falls back to InitiateAuth REFRESH_TOKEN_AUTH where it is unsupported.
   */
  refreshApi: RefreshApi;
  /** Sign out after this long without activity in any tab (a warning comes first); null: never. */
  idleTimeoutMs: number | null;
  /** How long the "still there?" warning lasts before the idle sign-out. */
  idleWarningMs: number;
  /** Sign out this long after the user authenticated (`auth_time`); null: never. */
  maxSessionAgeMs: number | null;
  /** Refresh attempts allowed per storm window, whatever the timers say: a guard against refresh storms. */
  maxRefreshesPerMinute: number;
  /** The storm guard's window: a minute (tests may widen it). */
  refreshStormWindowMs: number;
}

export type RefreshApi = 'auto' | 'getTokensFromRefreshToken' | 'initiateAuth';

export interface AuthMachineInput {
  config: ResolvedAuthConfig;
  ports: AuthPorts;
}

export interface AuthContext {
  config: ResolvedAuthConfig;
  ports: AuthPorts;
  /** Present in signedIn and refreshing (where it may hold expired ID/access tokens). */
  session: Session | null;
  /** The last failure, until the next successful step. */
  error: AuthError | null;
  /** Why the last session ended; cleared by the next sign-in. */
  endReason: SessionEndReason | null;
  /** Successful refreshes since the actor started (by this tab; adopted ones are not counted). */
  refreshCount: number;
  /** The refresh operation that works with this pool, once `auto` has found out. */
  refreshApiInUse: Exclude<RefreshApi, 'auto'> | null;
  /** Failed refresh attempts in a row; sets the backoff. */
  refreshFailures: number;
  /** Device-clock times of the refresh requests of the last minute (the storm guard counts them). */
  refreshAttempts: number[];
  /** Device-clock time of the last user activity in any tab. */
  lastActivityAt: number;
  /** Set once when Web Storage failed and tokens moved to memory. */
  storageWarning: AuthError | null;
  /** The sign-in step Cognito asks for (new password, MFA), while authenticating. */
  challenge: Challenge | null;
  /** The user of a sign-up or password reset in progress, to pre-fill the next form. */
  pendingUsername: string | null;
  /** Where Cognito sent the last code (masked by Cognito, e.g. `d***@e***`). */
  codeDelivery: CodeDelivery | null;
  /** What the last account step achieved, for the app to say so. Cleared by the next step. */
  notice: Notice | null;
  /** Credentials kept from sign-up until confirmation, to sign in right after (`autoSignIn`). */
  autoSignIn: Credentials | null;
  /** A signed-in user's TOTP set-up in progress: the secret to put in an authenticator app. */
  totpSetup: TotpSetup | null;
}

/** The challenges authchart answers; Cognito's names. */
export type ChallengeName =
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'EMAIL_OTP'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP';

export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

export interface Challenge {
  name: string;
  /** Cognito's one-use challenge session (a secret: redacted from inspection). */
  challengeSession: string;
  username: string;
  /** Cognito's ChallengeParameters, e.g. `CODE_DELIVERY_DESTINATION`, `MFAS_CAN_CHOOSE`, `requiredAttributes`. */
  parameters: Record<string, string>;
  /** MFA_SETUP: the TOTP secret to register, once associated. */
  totpSetup: TotpSetup | null;
}

export interface TotpSetup {
  /** Base32 secret for authenticator apps (a secret: redacted from inspection). */
  secretCode: string;
  /** The same as an `otpauth://totp/...` URI, for a QR code. */
  otpauthUri: string;
}

export interface CodeDelivery {
  destination: string | undefined;
  medium: string | undefined;
}

export type Notice =
  | 'signUpCodeSent'
  | 'signUpConfirmed'
  | 'codeResent'
  | 'resetCodeSent'
  | 'passwordReset'
  | 'passwordChanged'
  | 'totpEnabled'
  | 'mfaPreferenceSaved';

/** A sign-in step's outcome: tokens, or the next challenge. */
export type SignInResult = { session: Session; challenge?: undefined } | { challenge: Challenge; session?: undefined };

export interface Credentials {
  username: string;
  password: string;
}

export type AuthEvent =
  | ({ type: 'SIGN_IN' } & Credentials)
  | { type: 'SIGN_OUT'; global?: boolean }
  /** Leaves a sign-up, reset or sign-in challenge, or a TOTP set-up, in progress. */
  | { type: 'CANCEL' }
  | ({ type: 'SIGN_UP'; attributes?: Record<string, string>; autoSignIn?: boolean } & Credentials)
  | { type: 'CONFIRM_SIGN_UP'; username: string; code: string }
  | { type: 'RESEND_SIGN_UP_CODE'; username: string }
  | { type: 'FORGOT_PASSWORD'; username: string }
  | { type: 'CONFIRM_PASSWORD_RESET'; username: string; code: string; newPassword: string }
  /** Answers NEW_PASSWORD_REQUIRED; `attributes` are the ones Cognito lists as required. */
  | { type: 'COMPLETE_NEW_PASSWORD'; newPassword: string; attributes?: Record<string, string> }
  /** Answers SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, or verifies the TOTP app during MFA_SETUP. */
  | { type: 'SUBMIT_MFA_CODE'; code: string }
  | { type: 'SELECT_MFA_TYPE'; mfaType: MfaType }
  | { type: 'CHANGE_PASSWORD'; previousPassword: string; proposedPassword: string }
  /** Starts TOTP set-up for the signed-in user: the secret arrives in `context.totpSetup`. */
  | { type: 'SET_UP_TOTP' }
  /** Finishes TOTP set-up with a code from the app, and makes TOTP the preferred MFA. */
  | { type: 'VERIFY_TOTP'; code: string }
  | { type: 'SET_MFA_PREFERENCE'; totp: boolean }
  /** Refresh now (the app knows better, or tokens are within the lead window); ignored unless signed in. */
  | { type: 'REFRESH' }
  /**
   * The API answered 401 to a request made with the token `tokenId` (see `tokenIdOf`). Refreshes
   * only while that token is still the current one, so concurrent 401s share one refresh.
   */
  | { type: 'TOKEN_REJECTED'; tokenId: string }
  /** The API answered 401 again to freshly refreshed tokens: the session is over (reason `revoked`). */
  | { type: 'SESSION_REVOKED'; tokenId: string }
  | { type: 'STORAGE_FALLBACK'; error: AuthError }
  /** Another tab stored a new session (signed in or refreshed); `stored` is what it wrote. */
  | { type: 'SESSION_CHANGED_ELSEWHERE'; stored: string }
  /** Another tab's session ended; this tab's, sharing the same tokens, ends the same way. */
  | { type: 'SIGNED_OUT_ELSEWHERE'; reason: SessionEndReason }
  /** This tab now holds the cross-tab refresh lock. */
  | { type: 'LOCK_ACQUIRED' }
  /** The page woke up (visible, online, focus, pageshow): timers may have missed their time. */
  | { type: 'WAKE' }
  /** The user did something in this tab. */
  | { type: 'USER_ACTIVE' }
  /** The user did something in another tab: it counts here too, but is not passed on again. */
  | { type: 'ACTIVE_ELSEWHERE' }

/** What restoring found in storage. */
export interface RestoreResult {
  /**
   * `usable`: valid, unexpired tokens. `refreshable`: ID/access tokens have expired, the refresh
   * token may still work. `invalid`: unusable data, to be cleared. `empty`: nothing stored.
   */
  status: 'empty' | 'usable' | 'refreshable' | 'invalid';
  session?: Session;
  error?: AuthError;
}

/** Emitted to `actor.on(...)` listeners. */
export type AuthEmitted = { type: 'storageFallback'; error: AuthError };
