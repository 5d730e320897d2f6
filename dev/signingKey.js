// @ts-check
// The dev world's token signing: cognito-local's own key, and RS256 JWTs signed and checked with
// node:crypto. The local OpenID provider and the USER_AUTH pool sign with the same key as
// cognito-local, so the app and the demo API accept every token the dev world issues.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createRequire } from 'node:module';

/** cognito-local's own signing key (published in its package): what its JWKS serves, `kid: CognitoLocal`. */
export function cognitoLocalSigningKey() {
  const require = createRequire(import.meta.url);
  return /** @type {{ jwk: Record<string, unknown> }} */ (require('cognito-local/lib/keys/cognitoLocal.private.json')).jwk;
}

/**
 * An RS256 JWT of these claims, with the key's `kid` in the header.
 * @param {Record<string, unknown>} claims
 * @param {Record<string, unknown>} jwk  a private RSA JWK with a `kid`
 */
export function signJwt(claims, jwk) {
  const header = { alg: 'RS256', typ: 'JWT', kid: jwk['kid'] };
  const signed = `${encode(header)}.${encode(claims)}`;
  const key = createPrivateKey({ key: /** @type {import('node:crypto').JsonWebKey} */ (jwk), format: 'jwk' });
  return `${signed}.${sign('sha256', Buffer.from(signed), key).toString('base64url')}`;
}

/**
 * The claims of an RS256 JWT whose signature the key's public half verifies; null otherwise.
 * Claims (exp, iss, token_use…) are the caller's to check.
 * @param {string} token
 * @param {Record<string, unknown>} jwk  the private JWK; only its public half is used
 * @returns {Record<string, unknown> | null}
 */
export function verifiedClaims(token, jwk) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  const [header, payload, signature] = /** @type {[string, string, string]} */ (parts);
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'RS256') return null;
    const key = createPublicKey({ key: /** @type {import('node:crypto').JsonWebKey} */ (jwk), format: 'jwk' });
    if (!verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return null;
    return JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    return null; // not JSON, not base64url: not a token of ours
  }
}

/** @param {unknown} value */
function encode(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
