// The USER_AUTH pool of dev/userAuthPool.js in-process, as a CognitoTransport: a FakeCognito (so
// every call is recorded and checked against Cognito's published model) whose operations the
// pool answers, its refusals turned into AuthErrors by mapCognitoError exactly as fetchTransport
// turns Cognito's JSON errors into them. A fake, named so: cognito-local has no USER_AUTH.
import { generateKeyPairSync } from 'node:crypto';
import type { CognitoOperation } from '../../../machines/index.js';
import { flowOf } from '../../../machines/cognito/flowOf.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { createUserAuthPool, UserAuthPoolError, type PoolUser } from '../../../dev/userAuthPool.js';
import { FakeCognito } from '../FakeCognito.js';
import { TEST_POOL } from '../fakeTokens.js';
import { SrpVerifier } from '../srp/srpVerifier.js';

export interface UserAuthCognitoOptions {
  users: PoolUser[];
  /** Where WebAuthn ceremonies may come from; default `http://localhost:5173`. */
  origins?: string[];
  /** Default `localhost`. */
  rpId?: string;
  /** The pool's clock, ms; default Date.now. */
  now?: () => number;
  tokenSeconds?: number;
}

export interface UserAuthCognito {
  transport: FakeCognito;
  /** The last one-time code sent to a user and not used yet. */
  lastCode(username: string): string | undefined;
  /** The public half of the pool's signing key, as a JWKS serves it. */
  publicJwk: JsonWebKey & { kid: string };
}

const OPERATIONS: CognitoOperation[] = [
  'InitiateAuth',
  'RespondToAuthChallenge',
  'GetTokensFromRefreshToken',
  'RevokeToken',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'ListWebAuthnCredentials',
  'DeleteWebAuthnCredential',
];

/**
 * A pool issuing TEST_POOL's tokens (its issuer and client), signed with a fresh RSA key; users
 * with a password may also sign in with PASSWORD_SRP, checked by test/support/srp's verifier.
 */
export async function userAuthCognito(options: UserAuthCognitoOptions): Promise<UserAuthCognito> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'userAuthPool-test';
  const now = options.now ?? Date.now;
  const srp = new SrpVerifier(TEST_POOL.userPoolId, now);
  for (const user of options.users) if (user.password !== undefined) await srp.register([user.username], user.password);
  const pool = createUserAuthPool({
    issuer: TEST_POOL.issuer,
    clientId: TEST_POOL.clientId,
    signingKey: { ...privateKey.export({ format: 'jwk' }), kid },
    users: options.users,
    origins: options.origins ?? ['http://localhost:5173'],
    rpId: options.rpId ?? 'localhost',
    now,
    srp,
    ...(options.tokenSeconds === undefined ? {} : { tokenSeconds: options.tokenSeconds }),
  });

  const transport = new FakeCognito();
  for (const operation of OPERATIONS) {
    transport.on(operation, async (input: object) => {
      try {
        return (await pool.call(operation, input as Record<string, unknown>)) as never;
      } catch (error) {
        if (!(error instanceof UserAuthPoolError)) throw error;
        throw mapCognitoError(operation, flowOf(input), { name: error.name, message: error.message, status: error.status });
      }
    });
  }
  return {
    transport,
    lastCode: (username) => pool.lastCode(username),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}
