import { toAuthError, type AuthErrorCode } from '../AuthError.js';

/**
 * The first refresh call's failure is final, whichever operation answered: the refresh token was
 * refused (NotAuthorized, RefreshTokenReuse, UserNotFound), or tokens came back and failed our
 * checks. A timeout is final for this attempt too: a second call could take as long again, past
 * the point where another tab takes over the refresh lock and refreshes the same token.
 */
const NO_FALLBACK: ReadonlySet<AuthErrorCode> = new Set(['refreshRejected', 'invalidToken', 'unsupportedChallenge', 'timeout']);

export function mayFallBack(error: unknown): boolean {
  return !NO_FALLBACK.has(toAuthError(error).code);
}

/**
 * The endpoint seems not to have the operation: it said so (UnknownOperationException,
 * cognito-local's Unsupported), or whatever answered named no Cognito error at all (a 400, 404
 * or 501 without a body, an emulator's HTML page with status 500). Real Cognito names every
 * error it sends. A fallback that works after such an answer is worth remembering.
 */
export function operationMissing(error: unknown): boolean {
  const authError = toAuthError(error);
  return authError.code === 'unsupportedOperation' || bareStatus(authError.cognitoName, authError.status);
}

/**
 * Which failure to report when the fallback fails too. When the first operation is surely
 * missing, only the fallback's answer says anything about the token (a refusal there ends the
 * session, as it should). Otherwise the first failure stands: a bare 500, 502 or 503 may be an
 * outage in front of a real Cognito whose app client refuses REFRESH_TOKEN_AUTH (it rotates
 * refresh tokens), and that refusal must not end a session that a later retry would refresh.
 */
export function failureToReport(first: unknown, second: unknown): unknown {
  const authError = toAuthError(first);
  const status = authError.status ?? 0;
  const surelyMissing =
    authError.code === 'unsupportedOperation' || (bareStatus(authError.cognitoName, authError.status) && (status < 500 || status === 501));
  return surelyMissing ? second : first;
}

/** An answer that carried only a status, no Cognito error name (fetchTransport names it `HTTP<status>`). */
function bareStatus(name: string | undefined, status: number | undefined): boolean {
  return status !== undefined && (name === undefined || !name.endsWith('Exception'));
}
