import type { AuthError } from './AuthError.js';
import type { AuthPorts } from './AuthPorts.js';
import type { Challenge, FirstFactor } from './challenges/Challenge.js';
import type { NewDevice } from './devices/DevicePort.js';
import type { ResolvedAuthConfig, SignInFlow } from './ResolvedAuthConfig.js';
import type { SessionEndReason } from './SessionEndReason.js';
import type { Session } from './tokens/Session.js';

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
  /** What the app gave `signInWithRedirect` as `customState`, once back and signed in. */
  customState: string | null;
  /** Why the last session ended; cleared by the next sign-in. */
  endReason: SessionEndReason | null;
  /** Successful refreshes since the actor started (by this tab; adopted ones are not counted). */
  refreshCount: number;
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
  /** A device the pool tracks, named with this sign-in's tokens, until it is confirmed. */
  newDevice: NewDevice | null;
  /** Who was signed in when a session ended unasked, to pre-fill the sign-in again. */
  pendingUsername: string | null;
  /** The sign-in the last session belonged to, once it ended. */
  endedSignIn: EndedSignIn | null;
  /**
   * Device-clock time another tab announced a refresh of the shared session, until its news (new
   * tokens, a failure) arrives; a tab granted the lock meanwhile waits for that news.
   */
  otherTabRefreshingSince: number | null;
}

/** Which sign-in a session belongs to: refreshed tokens keep the user's `sub` and `auth_time`. */
export interface EndedSignIn {
  sub: string;
  /** `auth_time` (or `iat` without it), seconds. */
  authTime: number;
}

/** A sign-in step's outcome: tokens, or the next challenge. */
export type SignInResult =
  | { session: Session; challenge?: undefined; newDevice?: NewDevice | undefined }
  | { challenge: Challenge; session?: undefined; newDevice?: undefined };

/**
 * What a sign-in starts with. The password is needed by every flow but choice-based sign-in
 * (USER_AUTH), which asks for it only when the user chooses it.
 */
export interface Credentials {
  username: string;
  password?: string;
  /** This sign-in's flow, when not the configured `authFlow`; `preferredChallenge` implies USER_AUTH. */
  authFlow?: SignInFlow;
  /** USER_AUTH: the way in to try first (Cognito's PREFERRED_CHALLENGE); without it the user chooses. */
  preferredChallenge?: FirstFactor;
}

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
