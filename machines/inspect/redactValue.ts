import { redactTokens } from '../tokens/redactTokens.js';

/** Keys whose values are secrets whatever they look like. */
const SECRET_KEYS = new Set([
  'idToken',
  'accessToken',
  'refreshToken',
  'IdToken',
  'AccessToken',
  'RefreshToken',
  'REFRESH_TOKEN',
  'Token',
  'Session',
  'challengeSession',
  'secretCode',
  'SecretCode',
  'otpauthUri',
  'ConfirmationCode',
  'UserCode',
  // A custom challenge's answer is often a one-time code or a magic-link secret.
  'answer',
  'ANSWER',
  // Managed login: the PKCE verifier (the authorization code is an event's `code`, below).
  'verifier',
  'code_verifier',
]);

/**
 * Any password (`password`, `newPassword`, `NEW_PASSWORD`…), any Cognito code field
 * (`SMS_MFA_CODE`…), the `code` of an event (CONFIRM_SIGN_UP, SUBMIT_MFA_CODE…) and of a
 * managed-login redirect response (`kind: 'code'`). An AuthError's `code` (`codeMismatch`) names
 * a failure and stays readable.
 */
function isSecret(key: string, record: Record<string, unknown>): boolean {
  if (key === 'code') return 'type' in record || 'kind' in record;
  return SECRET_KEYS.has(key) || /password$|_code$/i.test(key);
}

/** Keys left out: ports are functions and objects with nothing to show. */
const OMITTED_KEYS = new Set(['ports']);

const MAX_DEPTH = 10;

/**
 * A copy of any value that is safe to show or send: secrets under known keys and anything shaped
 * like a token replaced, functions left out, errors as their `toJSON` (or their name alone),
 * cycles cut. Used for inspection events, snapshots and logs.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function' && !isPlainObject(value)) return redactValue(withJson.toJSON(), depth + 1, seen);
  // An error from code we did not write: its kind stays readable. Its message may quote a secret
  // that is not token-shaped (a challenge session, a code), so only a DOMException's message,
  // which the runtime writes, is shown; cause and other fields are left out, as in AuthError.
  if (value instanceof Error) {
    const name = redactTokens(String(value.name));
    return value instanceof DOMException ? { name, message: redactTokens(String(value.message)) } : { name };
  }
  if (!isPlainObject(value)) return `[${value.constructor?.name ?? 'object'}]`;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (OMITTED_KEYS.has(key)) continue;
    copy[key] = isSecret(key, value as Record<string, unknown>) && item !== undefined && item !== null ? '[redacted]' : redactValue(item, depth + 1, seen);
  }
  return copy;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
