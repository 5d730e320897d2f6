import { AuthError } from '../AuthError.js';
import { decodeClaims } from './decodeClaims.js';
import type { Session, TokenSet } from './Session.js';

/**
 * A sane `iat`: device clocks can be off by hours (time zones set wrong, dead CMOS batteries),
 * but a token issued more than a day away from "now" is a replay or a forgery, not skew.
 */
const MAX_DRIFT_MS = 24 * 3_600_000;

export interface SessionExpectations {
  issuer: string;
  clientId: string;
}

/**
 * Validates a token set and derives expiry on the device clock.
 * `driftMs` is given when restoring (the estimate made at receipt); for fresh tokens it is
 * estimated from the access token's `iat`, with `now` the device time the request was sent.
 */
export function createSession(
  tokens: TokenSet,
  expected: SessionExpectations,
  now: number,
  driftMs?: number,
): Session {
  if (typeof tokens.refreshToken !== 'string' || tokens.refreshToken === '') {
    throw new AuthError('invalidToken', 'The refresh token is missing.');
  }
  const idClaims = decodeClaims(tokens.idToken, 'id', expected);
  const accessClaims = decodeClaims(tokens.accessToken, 'access', expected);
  if (idClaims.sub !== accessClaims.sub) {
    throw new AuthError('invalidToken', 'The ID and access tokens belong to different users.');
  }
  // Cognito stamped `iat` (whole seconds, rounded down) at some instant between the request
  // leaving (`now` is when it was sent) and the answer arriving. Assuming the latest server time
  // and the earliest device time gives the largest drift, hence the earliest expiry: a token is
  // never thought valid after its real `exp`, at the cost of up to 1 s plus the request's latency.
  const drift = driftMs ?? accessClaims.iat * 1000 + 1000 - now;
  if (Math.abs(drift) > MAX_DRIFT_MS) {
    throw new AuthError('invalidToken', 'The tokens were issued more than a day away from this device\'s clock.');
  }
  const first = idClaims.exp <= accessClaims.exp ? idClaims : accessClaims;
  return {
    tokens,
    idClaims,
    accessClaims,
    driftMs: drift,
    expiresAt: first.exp * 1000 - drift,
    lifetimeMs: (first.exp - first.iat) * 1000,
  };
}
