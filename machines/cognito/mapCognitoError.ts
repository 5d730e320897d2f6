import { AuthError, type AuthErrorCode } from '../AuthError.js';
import type { CognitoOperation } from './CognitoTransport.js';
import { redactTokens } from '../tokens/redactTokens.js';

/** What a transport knows about a failed call once the service has answered. */
export interface CognitoFailure {
  /** Cognito's error type, e.g. `NotAuthorizedException` (any `namespace#` prefix removed). */
  name: string;
  message: string;
  status: number | undefined;
}

/**
 * Sign-in and refresh are both InitiateAuth, but the same error name means different things:
 * NotAuthorized on sign-in is a wrong password, on refresh it ends the session.
 */
type ErrorScope = 'signIn' | 'refresh' | 'challenge' | 'other';

const BY_SCOPE: Record<ErrorScope, Record<string, AuthErrorCode>> = {
  signIn: {
    NotAuthorizedException: 'invalidCredentials',
    // Not told apart from a wrong password, so that sign-in does not reveal which users exist.
    UserNotFoundException: 'invalidCredentials',
    // cognito-local answers a wrong password with this; real Cognito uses it only for policies.
    InvalidPasswordException: 'invalidCredentials',
    UserNotConfirmedException: 'userNotConfirmed',
    PasswordResetRequiredException: 'passwordResetRequired',
  },
  refresh: {
    NotAuthorizedException: 'refreshRejected',
    RefreshTokenReuseException: 'refreshRejected',
    UserNotFoundException: 'refreshRejected',
  },
  challenge: {
    // RespondToAuthChallenge with a session that ran out or was used already.
    NotAuthorizedException: 'challengeExpired',
    ExpiredCodeException: 'challengeExpired',
  },
  other: {
    NotAuthorizedException: 'notAuthorized',
    UnauthorizedException: 'notAuthorized',
    UserNotFoundException: 'userNotFound',
    ExpiredCodeException: 'codeExpired',
  },
};

const ANY_OPERATION: Record<string, AuthErrorCode> = {
  CodeMismatchException: 'codeMismatch',
  // VerifySoftwareToken's answer to a wrong TOTP code.
  EnableSoftwareTokenMFAException: 'codeMismatch',
  UsernameExistsException: 'usernameExists',
  AliasExistsException: 'usernameExists',
  InvalidPasswordException: 'invalidPassword',
  CodeDeliveryFailureException: 'codeDeliveryFailed',
  UserNotConfirmedException: 'userNotConfirmed',
  TooManyRequestsException: 'tooManyRequests',
  LimitExceededException: 'tooManyRequests',
  InternalErrorException: 'serviceUnavailable',
  InvalidParameterException: 'invalidRequest',
  ResourceNotFoundException: 'invalidConfig',
  UnsupportedOperationException: 'unsupportedOperation',
  'CognitoLocal#Unsupported': 'unsupportedOperation',
  Unsupported: 'unsupportedOperation',
};

const MESSAGES: Partial<Record<AuthErrorCode, string>> = {
  invalidCredentials: 'Incorrect username or password.',
  userNotConfirmed: 'This account is not confirmed yet.',
  passwordResetRequired: 'A password reset is required for this account.',
  refreshRejected: 'The session can no longer be refreshed; please sign in again.',
  tooManyRequests: 'Too many requests to the user pool; please try again shortly.',
  serviceUnavailable: 'The user pool service is unavailable; please try again shortly.',
  unsupportedOperation: 'The user pool service does not support this operation.',
  invalidConfig: 'The user pool or app client was not found; check the configuration.',
  notAuthorized: 'The user pool refused this request.',
  codeMismatch: 'That code is not right; check it and try again.',
  codeExpired: 'That code has expired; ask for a new one.',
  usernameExists: 'An account with this username already exists.',
  challengeExpired: 'This sign-in step took too long; please sign in again.',
  userNotFound: 'No account was found for this username.',
  codeDeliveryFailed: 'The code could not be sent; check the email address or phone number.',
};

function scopeOf(operation: CognitoOperation, authFlow: string | undefined): ErrorScope {
  if (operation === 'RespondToAuthChallenge') return 'challenge';
  if (operation === 'GetTokensFromRefreshToken') return 'refresh';
  if (operation !== 'InitiateAuth') return 'other';
  return authFlow === 'REFRESH_TOKEN_AUTH' ? 'refresh' : 'signIn';
}

/** Maps a Cognito error by its name and the operation (never by message) to an AuthError. */
export function mapCognitoError(
  operation: CognitoOperation,
  authFlow: string | undefined,
  failure: CognitoFailure,
): AuthError {
  const code =
    BY_SCOPE[scopeOf(operation, authFlow)][failure.name] ??
    ANY_OPERATION[failure.name] ??
    (failure.status !== undefined && failure.status >= 500 ? 'serviceUnavailable' : 'unknown');
  const message = MESSAGES[code] ?? (redactTokens(failure.message) || `${operation} failed.`);
  return new AuthError(code, message, { operation, cognitoName: failure.name, status: failure.status });
}

/** A request that got no answer in time. */
export function timeoutError(operation: CognitoOperation, cause: unknown): AuthError {
  return new AuthError('timeout', 'The user pool service did not answer in time; please try again.', { operation, cause });
}

/** A request that never got an answer: offline, DNS, CORS, reset connection. */
export function networkError(operation: CognitoOperation, cause: unknown): AuthError {
  return new AuthError('network', 'Could not reach the user pool service; check the connection.', {
    operation,
    cause,
  });
}

/**
 * Cognito error types come plain (`NotAuthorizedException`), namespaced
 * (`com.amazonaws.cognito#NotAuthorizedException`) or, in the `x-amzn-errortype` header, with a
 * `:<url>` suffix. cognito-local's own `CognitoLocal#Unsupported` is kept whole.
 */
export function cognitoErrorName(type: string): string {
  if (type.startsWith('CognitoLocal#')) return type;
  const withoutNamespace = type.slice(type.lastIndexOf('#') + 1);
  const colon = withoutNamespace.indexOf(':');
  return colon === -1 ? withoutNamespace : withoutNamespace.slice(0, colon);
}
