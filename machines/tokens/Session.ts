/** The three tokens InitiateAuth returns. Secrets: never log them or put them in URLs. */
export interface TokenSet {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

interface CommonClaims {
  sub: string;
  iss: string;
  exp: number;
  iat: number;
  auth_time?: number;
  jti?: string;
  [claim: string]: unknown;
}

export interface IdTokenClaims extends CommonClaims {
  token_use: 'id';
  aud: string;
  'cognito:username'?: string;
  email?: string;
}

export interface AccessTokenClaims extends CommonClaims {
  token_use: 'access';
  client_id: string;
  username?: string;
  /** On pools that track devices: the device the tokens were issued to (refreshes must name it). */
  device_key?: string;
  scope?: string;
}

/** A validated set of tokens and what authchart derived from them. */
export interface Session {
  tokens: TokenSet;
  idClaims: IdTokenClaims;
  accessClaims: AccessTokenClaims;
  /**
   * Server clock minus device clock in ms, estimated from `iat` when the tokens arrived. Every
   * expiry check and timer subtracts it, so a device clock that is off does not expire tokens early
   * or use them late.
   */
  driftMs: number;
  /** Device-clock ms at which the earlier of the ID and access token expires. */
  expiresAt: number;
  /** Token lifetime in ms (`exp − iat` of the token that expires first). */
  lifetimeMs: number;
}

/** True once the earlier token's `exp` has passed, on the drift-corrected clock. */
export function isExpired(session: Session, now: number): boolean {
  return now >= session.expiresAt;
}

/**
 * Milliseconds until the proactive refresh: `lead` before expiry, the lead clamped to half the
 * lifetime so that short-lived tokens (30 s in tests) never cause a refresh loop; 0 when overdue.
 */
export function msUntilRefresh(session: Session, refreshLeadMs: number, now: number): number {
  const lead = Math.min(refreshLeadMs, session.lifetimeMs / 2);
  return Math.max(0, session.expiresAt - lead - now);
}

/**
 * Names one issued token without carrying the token itself (events and logs must never hold
 * token values): Cognito's `jti`, or subject and issue time where a token has none.
 */
export function tokenIdOf(claims: IdTokenClaims | AccessTokenClaims): string {
  return claims.jti ?? `${claims.sub}@${claims.iat}`;
}

/** True when `tokenId` names the ID or access token of this session. */
export function isTokenOf(session: Session, tokenId: string): boolean {
  return tokenIdOf(session.idClaims) === tokenId || tokenIdOf(session.accessClaims) === tokenId;
}
