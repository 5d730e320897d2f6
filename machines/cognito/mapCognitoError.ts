import { AuthError, type AuthErrorCode } from '../AuthError.js';
import type { CognitoOperation } from './CognitoTransport.js';
import { redactTokens } from '../tokens/redactTokens.js';

/** What a transport knows about a failed call once the service has answered. */
export interface CognitoFailure {
  /** Cognito's error type, e.g. `NotAuthorizedException` (any `namespace#` prefix removed). */
  name: string;
  message: string;
  status: number | undefined;
  /** What came back when it was not Cognito's JSON (status and content type, never the body). */
  answer?: string;
}

/**
 * Sign-in and refresh are both InitiateAuth, but the same error name means different things:
 * NotAuthorized on sign-in is a wrong password, on refresh it ends the session.
 */
type ErrorScope = 'signIn' | 'proof' | 'passkey' | 'refresh' | 'challenge' | 'other';

const BY_SCOPE: Record<ErrorScope, Record<string, AuthErrorCode>> = {
  signIn: {
    NotAuthorizedException: 'invalidCredentials',
    // Not told apart from a wrong password, so that sign-in does not reveal which users exist.
    UserNotFoundException: 'invalidCredentials',
    // cognito-local answers a wrong password with this; real Cognito uses it only for policies.
    InvalidPasswordException: 'invalidCredentials',
    // What Cognito answers when the app client does not allow the flow (its ExplicitAuthFlows);
    // authchart checks its own parameters first, so this is the likely cause.
    InvalidParameterException: 'authFlowNotEnabled',
  },
  // RespondToAuthChallenge that proves the password (SRP) or answers a custom challenge: a
  // refusal is a wrong password or the pool's trigger saying no, not a stale session.
  proof: {
    NotAuthorizedException: 'invalidCredentials',
    UserNotFoundException: 'invalidCredentials',
    ExpiredCodeException: 'challengeExpired',
  },
  // RespondToAuthChallenge WEB_AUTHN: the pool did not accept the passkey's signature (the
  // passkey was removed from the account, or belongs to another relying party).
  passkey: {
    NotAuthorizedException: 'passkeyRefused',
    ExpiredCodeException: 'challengeExpired',
  },
  refresh: {
    NotAuthorizedException: 'refreshRejected',
    RefreshTokenReuseException: 'refreshRejected',
    UserNotFoundException: 'refreshRejected',
    // A pre-token-generation trigger that failed or timed out, or an AWS WAF rule (rate-based,
    // most often) says nothing about the refresh token: keep the session and retry later.
    UnexpectedLambdaException: 'serviceUnavailable',
    InvalidLambdaResponseException: 'serviceUnavailable',
    ForbiddenException: 'tooManyRequests',
  },
  challenge: {
    // RespondToAuthChallenge with a session that ran out or was used already.
    NotAuthorizedException: 'challengeExpired',
    ExpiredCodeException: 'challengeExpired',
  },
  other: {
    NotAuthorizedException: 'notAuthorized',
    UnauthorizedException: 'notAuthorized',
    ExpiredCodeException: 'codeExpired',
  },
};

/**
 * Every error Cognito's API model lists for the operations authchart calls has a deliberate
 * entry here or above (test/unit/cognito/cognitoErrorTable.test.ts holds the table), so a new
 * error never falls through to `unknown` unnoticed.
 */
const ANY_OPERATION: Record<string, AuthErrorCode> = {
  CodeMismatchException: 'codeMismatch',
  // VerifySoftwareToken's answer to a wrong TOTP code.
  EnableSoftwareTokenMFAException: 'codeMismatch',
  UsernameExistsException: 'usernameExists',
  AliasExistsException: 'usernameExists',
  InvalidPasswordException: 'invalidPassword',
  PasswordHistoryPolicyViolationException: 'invalidPassword',
  PasswordResetRequiredException: 'passwordResetRequired',
  CodeDeliveryFailureException: 'codeDeliveryFailed',
  UserNotConfirmedException: 'userNotConfirmed',
  UserNotFoundException: 'userNotFound',
  TooManyRequestsException: 'tooManyRequests',
  LimitExceededException: 'tooManyRequests',
  // Too many wrong codes: the user may try again after a while, as with throttling.
  TooManyFailedAttemptsException: 'tooManyRequests',
  InternalErrorException: 'serviceUnavailable',
  // Two writes to the same user at once; the next try normally goes through.
  ConcurrentModificationException: 'serviceUnavailable',
  InvalidParameterException: 'invalidRequest',
  UnsupportedTokenTypeException: 'invalidRequest',
  // The user has no such MFA method (set up or chosen) to answer with.
  SoftwareTokenMFANotFoundException: 'invalidRequest',
  MFAMethodNotFoundException: 'invalidRequest',
  // The pool's own Lambda trigger refused or failed; its message is the app's, for the user.
  UserLambdaValidationException: 'invalidRequest',
  InvalidLambdaResponseException: 'invalidRequest',
  UnexpectedLambdaException: 'invalidRequest',
  // AWS WAF on the pool blocked the request: retrying the same request will not pass it.
  ForbiddenException: 'notAuthorized',
  ResourceNotFoundException: 'invalidConfig',
  // The pool is set up wrongly for this request (roles for email/SMS, MFA configuration).
  InvalidUserPoolConfigurationException: 'invalidConfig',
  InvalidEmailRoleAccessPolicyException: 'invalidConfig',
  InvalidSmsRoleAccessPolicyException: 'invalidConfig',
  InvalidSmsRoleTrustRelationshipException: 'invalidConfig',
  // Passkeys: the pool's relying party does not match the page (its WebAuthnConfiguration, or
  // the app's origin), or passkeys are not set up in the pool at all.
  WebAuthnRelyingPartyMismatchException: 'invalidConfig',
  WebAuthnOriginNotAllowedException: 'invalidConfig',
  WebAuthnClientMismatchException: 'invalidConfig',
  WebAuthnConfigurationMissingException: 'invalidConfig',
  WebAuthnNotEnabledException: 'unsupportedOperation',
  // The registration's challenge ran out (or was used already): start the registration again.
  WebAuthnChallengeNotFoundException: 'challengeExpired',
  // The authenticator made a credential of a kind the pool does not accept.
  WebAuthnCredentialNotSupportedException: 'passkeyUnavailable',
  // ConfirmDevice for a device already confirmed (another tab, or an earlier sign-in): this
  // verifier was not stored, so the device is not remembered with it.
  DeviceKeyExistsException: 'invalidRequest',
  UnsupportedOperationException: 'unsupportedOperation',
  OperationNotEnabledException: 'unsupportedOperation',
  FeatureUnavailableInTierException: 'unsupportedOperation',
  // What AWS JSON endpoints (and emulators imitating them) answer to an X-Amz-Target they lack.
  UnknownOperationException: 'unsupportedOperation',
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
  invalidConfig: 'The user pool or app client is missing or not set up for this request; check the configuration.',
  notAuthorized: 'The user pool refused this request.',
  codeMismatch: 'That code is not right; check it and try again.',
  codeExpired: 'That code has expired; ask for a new one.',
  usernameExists: 'An account with this username already exists.',
  challengeExpired: 'This sign-in step took too long; please sign in again.',
  userNotFound: 'No account was found for this username.',
  codeDeliveryFailed: 'The code could not be sent; check the email address or phone number.',
  passkeyUnavailable: 'A passkey cannot be used here; choose another way to sign in.',
  passkeyRefused: 'The user pool did not accept this passkey; choose another way to sign in.',
};

/**
 * Challenges whose answer is the sign-in's proof (see `proof` above). SELECT_CHALLENGE carries
 * the password when that is the choice; a refusal of any other choice ends the sign-in too.
 */
const PROOF_CHALLENGES = ['PASSWORD_VERIFIER', 'DEVICE_PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE'];

function scopeOf(operation: CognitoOperation, authFlow: string | undefined): ErrorScope {
  if (operation === 'RespondToAuthChallenge' && authFlow === 'WEB_AUTHN') return 'passkey';
  if (operation === 'RespondToAuthChallenge') return PROOF_CHALLENGES.includes(authFlow ?? '') ? 'proof' : 'challenge';
  if (operation === 'GetTokensFromRefreshToken') return 'refresh';
  if (operation !== 'InitiateAuth') return 'other';
  return authFlow === 'REFRESH_TOKEN_AUTH' ? 'refresh' : 'signIn';
}

/**
 * Maps a Cognito error by its name, the operation and its flow (never by message) to an
 * AuthError. `authFlow`: InitiateAuth's AuthFlow, or RespondToAuthChallenge's ChallengeName.
 */
export function mapCognitoError(
  operation: CognitoOperation,
  authFlow: string | undefined,
  failure: CognitoFailure,
): AuthError {
  const code =
    BY_SCOPE[scopeOf(operation, authFlow)][failure.name] ??
    ANY_OPERATION[failure.name] ??
    (failure.status !== undefined && failure.status >= 500 ? 'serviceUnavailable' : 'unknown');
  const said =
    code === 'authFlowNotEnabled'
      ? `The user pool refused ${authFlow} (${redactTokens(failure.message) || 'InvalidParameterException'}). If the app client does not allow it, allow it in its ExplicitAuthFlows, or set createAuth's authFlow to a flow the client allows.`
      : (MESSAGES[code] ?? (redactTokens(failure.message) || `${operation} failed.`));
  const message = failure.answer ? `${said} (${failure.answer})` : said;
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
 * A success status with a body that is not JSON: a captive portal or proxy answered, not Cognito.
 * Retryable like a network failure; the message says what came back, never the body.
 */
export function notCognitoAnswer(operation: CognitoOperation, status: number, answer: string): AuthError {
  return new AuthError('network', `Could not reach the user pool service; something else answered (${answer}).`, {
    operation,
    status,
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
