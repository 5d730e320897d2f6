import type { TokenSet } from '../../machines/index.js';

export const TEST_POOL = {
  userPoolId: 'us-east-1_TestPool1',
  clientId: 'testclient0000000000000001',
  region: 'us-east-1',
  issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1',
} as const;

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned-looking JWT with the given claims; the client never checks signatures. */
export function makeJwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'RS256', kid: 'test' })}.${base64url(claims)}.c2lnbmF0dXJl`;
}

export interface TokenOptions {
  /** Server time of issue, in seconds. */
  iatSeconds: number;
  /** Both tokens' lifetime (Cognito's default: 1 hour each), unless one is given below. */
  lifetimeSeconds?: number;
  /**
   * The ID token's own lifetime. Cognito sets the ID and access token validities per app client,
   * independently (5 minutes to 1 day each): the earlier expiry is the session's.
   */
  idLifetimeSeconds?: number;
  /** The access token's own lifetime (see idLifetimeSeconds). */
  accessLifetimeSeconds?: number;
  sub?: string;
  issuer?: string;
  clientId?: string;
  /** Distinguishes token sets issued in the same second. */
  serial?: number;
  /** How long before `iat` the user authenticated (refreshed tokens keep the first `auth_time`). */
  authAgeSeconds?: number;
  /** On a pool that tracks devices: the device signed in on, as the access token's `device_key`. */
  deviceKey?: string;
  /** `cognito:username` (and the access token's `username`); default `demo`. */
  username?: string;
  /** The ID token's `email`; default `demo@example.com`. */
  email?: string;
}

/** A Cognito-shaped token set as InitiateAuth would return it. */
export function makeTokenSet(options: TokenOptions): TokenSet {
  const { iatSeconds, lifetimeSeconds = 3600, sub = '11111111-2222-3333-4444-555555555555', serial = 0, authAgeSeconds = 0 } = options;
  const iss = options.issuer ?? TEST_POOL.issuer;
  const username = options.username ?? 'demo';
  const clientId = options.clientId ?? TEST_POOL.clientId;
  const { idLifetimeSeconds = lifetimeSeconds, accessLifetimeSeconds = lifetimeSeconds } = options;
  const common = (lifetime: number) => ({ sub, iss, iat: iatSeconds, exp: iatSeconds + lifetime, auth_time: iatSeconds - authAgeSeconds, jti: `jti-${serial}` });
  return {
    idToken: makeJwt({ ...common(idLifetimeSeconds), token_use: 'id', aud: clientId, 'cognito:username': username, email: options.email ?? 'demo@example.com' }),
    accessToken: makeJwt({
      ...common(accessLifetimeSeconds),
      token_use: 'access',
      client_id: clientId,
      username,
      ...(options.deviceKey === undefined ? {} : { device_key: options.deviceKey }),
    }),
    refreshToken: `eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh.${serial}.token.part`,
  };
}
