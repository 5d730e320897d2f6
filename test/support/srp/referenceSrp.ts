// amazon-cognito-identity-js, the reference client, driven with fixed randomness and a fixed clock:
// what it computes for the same inputs is the oracle for machines/srp. Its own CognitoUser answers
// the challenge (so the signature, the message it signs and the TIMESTAMP format are the
// reference's, not a copy of them); a stub client hands it the challenge and takes its answer.
// Its CommonJS build is loaded as Node loads it.
import { createRequire } from 'node:module';
import { vi } from 'vitest';

const require = createRequire(import.meta.url);
type BigIntegerLike = { toString(radix: number): string };
type Callback<T> = (error: unknown, value: T) => void;
interface HelperPrototype {
  UValue: BigIntegerLike;
  generateRandomSmallA(): BigIntegerLike;
  calculateS(x: BigIntegerLike, B: BigIntegerLike, callback: Callback<BigIntegerLike>): void;
  computehkdf(ikm: Uint8Array, salt: Uint8Array): Uint8Array;
}
type Request = (operation: string, parameters: Record<string, Record<string, string>>, callback: Callback<unknown>) => void;
interface ReferenceUser {
  client: { request: Request };
  authenticateUser(details: object, callbacks: { onFailure(error: unknown): void; onSuccess(): void }): void;
}

const BigInteger = (require('amazon-cognito-identity-js/lib/BigInteger.js') as { default: new (hex: string, radix: number) => BigIntegerLike }).default;
const helperPrototype = (require('amazon-cognito-identity-js/lib/AuthenticationHelper.js') as { default: { prototype: HelperPrototype } }).default
  .prototype;
const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js') as {
  AuthenticationDetails: new (data: { Username: string; Password: string }) => object;
  CognitoUser: new (data: { Username: string; Pool: object }) => ReferenceUser;
  CognitoUserPool: new (data: { UserPoolId: string; ClientId: string }) => object;
};

export interface ReferenceCase {
  poolName: string;
  /** What the user typed; the challenge's USER_ID_FOR_SRP is what gets proved. */
  username: string;
  userId: string;
  password: string;
  /** The client's secret `a`, hex. */
  aHex: string;
  BHex: string;
  saltHex: string;
  secretBlock: string;
  /** The device clock at the answer, ms. */
  now: number;
}

export interface ReferenceValues {
  A: string;
  u: string;
  x: string;
  S: string;
  key: string;
  /** PASSWORD_VERIFIER's ChallengeResponses as CognitoUser sends them. */
  responses: Record<string, string>;
}

/**
 * Every value the reference computes for one case (lowercase hex), and its answer. CognitoUser
 * builds its AuthenticationHelper itself, so the helper's prototype is borrowed for the run: `a`
 * fixed, x, S, u and the key observed on their way through; all restored afterwards.
 */
export async function referenceValues(input: ReferenceCase): Promise<ReferenceValues> {
  const { generateRandomSmallA, calculateS, computehkdf } = helperPrototype;
  const seen: Partial<Record<'x' | 'S' | 'u', BigIntegerLike> & { key: Uint8Array }> = {};
  helperPrototype.generateRandomSmallA = () => new BigInteger(input.aHex, 16);
  helperPrototype.calculateS = function (this: HelperPrototype, x, B, callback) {
    calculateS.call(this, x, B, (error, S) => {
      Object.assign(seen, { x, S, u: this.UValue });
      callback(error, S);
    });
  };
  helperPrototype.computehkdf = function (this: HelperPrototype, ikm, salt) {
    return (seen.key = computehkdf.call(this, ikm, salt));
  };
  vi.useFakeTimers({ toFake: ['Date'], now: input.now });
  try {
    const pool = new CognitoUserPool({ UserPoolId: `us-east-1_${input.poolName}`, ClientId: 'referenceclient' });
    const user = new CognitoUser({ Username: input.username, Pool: pool });
    const { A, responses } = await new Promise<{ A: string; responses: Record<string, string> }>((resolve, reject) => {
      let A = '';
      user.client = {
        request: (operation, parameters, callback) => {
          if (operation === 'RespondToAuthChallenge') return resolve({ A, responses: parameters['ChallengeResponses']! });
          A = parameters['AuthParameters']!['SRP_A']!;
          const challenge = { SRP_B: input.BHex, SALT: input.saltHex, SECRET_BLOCK: input.secretBlock, USER_ID_FOR_SRP: input.userId };
          callback(null, { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: challenge });
        },
      };
      user.authenticateUser(new AuthenticationDetails({ Username: input.username, Password: input.password }), {
        onFailure: reject,
        onSuccess: () => reject(new Error('the stub client never issues tokens')),
      });
    });
    return {
      A,
      u: seen.u!.toString(16),
      x: seen.x!.toString(16),
      S: seen.S!.toString(16),
      key: Buffer.from(seen.key!).toString('hex'),
      responses,
    };
  } finally {
    vi.useRealTimers();
    Object.assign(helperPrototype, { generateRandomSmallA, calculateS, computehkdf });
  }
}
