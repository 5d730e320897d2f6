import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { assertStringEquals } from 'aws-jwt-verify/assert';
import { CognitoJwtInvalidTokenUseError, FetchError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

/**
 * @typedef {object} IdTokenVerifierOptions
 * @property {string} userPoolId
 * @property {string} clientId    the app client the ID token must be issued to (`aud`)
 * @property {string} [region]    checked against the pool id, whose prefix is the region
 * @property {string} [endpoint]  an emulator's endpoint (cognito-local); absent = real Cognito
 * @property {string} [issuer]    the tokens' issuer when it is not `<endpoint>/<pool>` (a proxy in front of the emulator)
 */

/**
 * @typedef {(token: string) => Promise<import('aws-jwt-verify/jwt-model').JwtPayload>} VerifyIdToken
 * Resolves to the verified claims; rejects with an aws-jwt-verify error (a FetchError when
 * the signing keys cannot be fetched).
 */

/**
 * Verifies ID tokens as API Gateway's Cognito authorizer does: signature against the pool's
 * JWKS, `exp`, `iss`, `aud` = the client id and `token_use: "id"`.
 * Nothing is fetched until the first token arrives.
 * @param {IdTokenVerifierOptions} options
 * @returns {VerifyIdToken}
 */
export function createIdTokenVerifier({ userPoolId, clientId, region, endpoint, issuer: givenIssuer }) {
  if (!userPoolId || !clientId) throw new Error('createIdTokenVerifier needs userPoolId and clientId');
  if (region && !userPoolId.startsWith(`${region}_`)) {
    throw new Error(`user pool ${userPoolId} is not in region ${region}`);
  }
  if (!endpoint) {
    const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: 'id', clientId });
    return (token) => verifier.verify(token);
  }
  // An emulator: CognitoJwtVerifier insists on the https://cognito-idp.<region>.amazonaws.com
  // issuer, and the library's default fetcher speaks https only. So: the generic verifier with
  // the emulator's issuer, its token_use check done by hand, and a fetcher over plain fetch.
  // SimpleJwksCache still gives lazy fetching, caching and a re-fetch on an unknown `kid`.
  // A proxy in front of the emulator (dev/userAuthFront.js) leaves the issuer the emulator's.
  const issuer = givenIssuer ?? `${endpoint.replace(/\/+$/, '')}/${userPoolId}`;
  const verifier = JwtVerifier.create(
    {
      issuer,
      audience: clientId,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }) =>
        assertStringEquals('Token use', payload['token_use'], 'id', CognitoJwtInvalidTokenUseError),
      // Lets the caller tell "an access token" from "a token of another client", both of
      // which fail the audience check first; only set on tokens with a valid signature.
      includeRawJwtInErrors: true,
    },
    { jwksCache: new SimpleJwksCache({ fetcher: { fetch: fetchJwks } }) },
  );
  return (token) => verifier.verify(token);
}

/**
 * @param {string} uri
 * @returns {Promise<ArrayBuffer>}
 */
async function fetchJwks(uri) {
  let response;
  try {
    response = await fetch(uri, { signal: AbortSignal.timeout(3_000) });
  } catch (error) {
    throw new FetchError(uri, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new FetchError(uri, `HTTP ${response.status}`);
  return response.arrayBuffer();
}
