/**
 * The one error type authchart reports. `code` is a stable union that apps can switch on;
 * `message` is readable and never contains token material.
 */
export type AuthErrorCode =
  /** Sign-in refused: wrong username or password (or an unknown user, deliberately not told apart). */
  | 'invalidCredentials'
  | 'userNotConfirmed'
  | 'passwordResetRequired'
  /** The refresh token was refused for good (NotAuthorized, RefreshTokenReuse, UserNotFound). */
  | 'refreshRejected'
  | 'tooManyRequests'
  /** The request never got an HTTP answer (offline, DNS, CORS, connection reset). */
  | 'network'
  /** Cognito did not answer within the request timeout. */
  | 'timeout'
  /** Tokens expired while the refresh keeps failing for a transient reason: offline, for now. */
  | 'offline'
  /** Cognito answered 5xx or InternalErrorException. */
  | 'serviceUnavailable'
  /** The user pool service does not implement the operation (cognito-local lacks several). */
  | 'unsupportedOperation'
  | 'invalidRequest'
  /** signIn was called while a session is active (as Amplify's UserAlreadyAuthenticatedException). */
  | 'alreadySignedIn'
  /** Cognito refused a request other than sign-in or refresh (e.g. RevokeToken). */
  | 'notAuthorized'
  /** A token failed a claim check (issuer, audience, token_use, expiry, shape). */
  | 'invalidToken'
  /** Stored session data could not be used: unparseable, wrong version, tampered or foreign. */
  | 'invalidStorage'
  /** Web Storage threw; authchart keeps tokens in memory instead. */
  | 'storageUnavailable'
  | 'invalidConfig'
  /** A confirmation, reset or MFA code that does not match. */
  | 'codeMismatch'
  /** A confirmation or reset code that has expired: ask for a new one. */
  | 'codeExpired'
  | 'usernameExists'
  /** A new password that breaks the pool's policy; the message is Cognito's, naming the rule. */
  | 'invalidPassword'
  /** A sign-in challenge's session ran out (3 minutes by default); start the sign-in again. */
  | 'challengeExpired'
  /** Sign-in needs a step authchart cannot perform (e.g. a challenge it does not know). */
  | 'unsupportedChallenge'
  /** The user pool's answer could not be used as it stands (e.g. SRP values that fail the checks). */
  | 'invalidResponse'
  /** The app client does not allow this sign-in flow (its ExplicitAuthFlows); `authFlow` picks another. */
  | 'authFlowNotEnabled'
  | 'userNotFound'
  | 'codeDeliveryFailed'
  /** auth.fetch to an API origin while nobody is signed in. */
  | 'notSignedIn'
  /** auth.fetch to an API origin after the session expired; sign in again. */
  | 'sessionExpired'
  /** The API refused even freshly refreshed tokens: the session was revoked server-side. */
  | 'sessionRevoked'
  /** An account request ended without its answer: the session ended or expired meanwhile. */
  | 'interrupted'
  /** Managed login: the user (or the identity provider) declined the sign-in (`access_denied`). */
  | 'accessDenied'
  /** Managed login: the return could not be used (state mismatch, lost request, a spent or expired code). */
  | 'redirectFailed'
  /**
   * Passkeys: the user dismissed the browser's prompt, or has no passkey for this site (browsers
   * do not tell the two apart, on purpose). Choose again; nothing else is lost.
   */
  | 'passkeyCancelled'
  /** Passkeys: this browser has no WebAuthn, or the authenticator's passkey is not one the pool accepts. */
  | 'passkeyUnavailable'
  /** Passkeys: the pool refused the passkey's signature (e.g. the passkey was removed from the account). */
  | 'passkeyRefused'
  /**
   * Remembered devices: the pool no longer knows the device remembered here (forgotten from
   * another device, or its secret is stale). It is forgotten here too; sign in again.
   */
  | 'deviceForgotten'
  | 'unknown';

const RETRYABLE: ReadonlySet<AuthErrorCode> = new Set([
  'tooManyRequests',
  'network',
  'timeout',
  'offline',
  'serviceUnavailable',
  'interrupted',
]);

export interface AuthErrorOptions {
  /** The Cognito operation that failed, e.g. `InitiateAuth`. */
  operation?: string;
  /** Cognito's error name (`NotAuthorizedException`), when the service answered. */
  cognitoName?: string;
  /** HTTP status, when the service answered. */
  status?: number;
  cause?: unknown;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  /** True when the same request may succeed later without anything changing on the user's side. */
  readonly retryable: boolean;
  readonly operation: string | undefined;
  readonly cognitoName: string | undefined;
  readonly status: number | undefined;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    this.operation = options.operation;
    this.cognitoName = options.cognitoName;
    this.status = options.status;
  }

  /** A plain, serialisable shape for snapshots, logs and the inspector (no cause, no stack). */
  toJSON(): { name: string; code: AuthErrorCode; message: string; retryable: boolean; operation?: string; cognitoName?: string } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.operation === undefined ? {} : { operation: this.operation }),
      ...(this.cognitoName === undefined ? {} : { cognitoName: this.cognitoName }),
    };
  }
}

/** Whatever was thrown, as an AuthError; unknown values become `code: 'unknown'`. */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const message = error instanceof Error ? error.message : 'Unexpected error';
  return new AuthError('unknown', message, { cause: error });
}
