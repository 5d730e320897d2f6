import type { AuthError } from './AuthError.js';
import type { CognitoTransport } from './cognito/CognitoTransport.js';
import type { TokenStorage } from './storage/TokenStorage.js';
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
  | 'revoked';

/** The only source of "now" in the machine, so tests drive time with SimulatedClock. */
export interface Clock {
  now(): number;
}

/** Side effects come in through these; tests pass fakes. */
export interface AuthPorts {
  transport: CognitoTransport;
  storage: TokenStorage;
  clock: Clock;
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
}

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
  /** Successful refreshes since the actor started. */
  refreshCount: number;
  /** Failed refresh attempts in a row; sets the backoff. */
  refreshFailures: number;
  /** Set once when Web Storage failed and tokens moved to memory. */
  storageWarning: AuthError | null;
}

export interface Credentials {
  username: string;
  password: string;
}

export type AuthEvent =
  | ({ type: 'SIGN_IN' } & Credentials)
  | { type: 'SIGN_OUT'; global?: boolean }
  /** Refresh now (the app knows better, or tokens are within the lead window); ignored unless signed in. */
  | { type: 'REFRESH' }
  /**
   * The API answered 401 to a request made with the token `tokenId` (see `tokenIdOf`). Refreshes
   * only while that token is still the current one, so concurrent 401s share one refresh.
   */
  | { type: 'TOKEN_REJECTED'; tokenId: string }
  /** The API answered 401 again to freshly refreshed tokens: the session is over (reason `revoked`). */
  | { type: 'SESSION_REVOKED'; tokenId: string }
  | { type: 'STORAGE_FALLBACK'; error: AuthError };

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
