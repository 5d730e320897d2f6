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
  | 'maxAge'
  /** The user deleted their own account (DeleteUser): here, or in another tab. */
  | 'deleted';
