import { jwtDecode } from 'jwt-decode';
import { AuthError } from '../AuthError.js';
import type { AccessTokenClaims, IdTokenClaims } from './Session.js';

type ClaimsOf<Use extends 'id' | 'access'> = Use extends 'id' ? IdTokenClaims : AccessTokenClaims;

/**
 * Decodes a Cognito JWT and checks the claims every token must have. It does not verify the
 * signature: a browser client cannot (the API does); it guards against using a token that is
 * not what it claims to be (wrong kind, malformed, from another pool or client).
 */
export function decodeClaims<Use extends 'id' | 'access'>(
  token: unknown,
  use: Use,
  expected: { issuer: string; clientId: string },
): ClaimsOf<Use> {
  if (typeof token !== 'string' || token === '') throw invalid(`The ${use} token is missing.`);
  let claims: Record<string, unknown>;
  try {
    claims = jwtDecode<Record<string, unknown>>(token);
  } catch {
    throw invalid(`The ${use} token is not a well-formed JWT.`);
  }
  if (claims.token_use !== use) throw invalid(`The ${use} token has the wrong token_use.`);
  if (claims.iss !== expected.issuer) throw invalid(`The ${use} token was issued by another user pool.`);
  const audience = use === 'id' ? claims.aud : claims.client_id;
  if (audience !== expected.clientId) throw invalid(`The ${use} token was issued to another app client.`);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalid(`The ${use} token has no subject.`);
  if (!isTime(claims.exp) || !isTime(claims.iat) || claims.exp <= claims.iat) {
    throw invalid(`The ${use} token has invalid iat/exp times.`);
  }
  return claims as ClaimsOf<Use>;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function invalid(message: string): AuthError {
  return new AuthError('invalidToken', message);
}
