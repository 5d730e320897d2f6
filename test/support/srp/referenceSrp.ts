// amazon-cognito-identity-js, the reference client, driven with fixed randomness: what it computes
// for the same inputs is the oracle for machines/srp. Its CommonJS build is loaded as Node loads it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type BigIntegerLike = { toString(radix: number): string };
type BigIntegerClass = new (hex: string, radix: number) => BigIntegerLike;
type HelperInstance = {
  smallAValue: BigIntegerLike;
  largeAValue: BigIntegerLike | undefined;
  getLargeAValue(callback: (error: unknown, value: BigIntegerLike) => void): void;
  calculateU(A: BigIntegerLike, B: BigIntegerLike): BigIntegerLike;
  calculateS(x: BigIntegerLike, B: BigIntegerLike, callback: (error: unknown, S: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: BigIntegerLike,
    salt: BigIntegerLike,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
};

const BigInteger = (require('amazon-cognito-identity-js/lib/BigInteger.js') as { default: BigIntegerClass }).default;
const AuthenticationHelper = (
  require('amazon-cognito-identity-js/lib/AuthenticationHelper.js') as { default: new (poolName: string) => HelperInstance }
).default;
const { Sha256 } = require('@aws-crypto/sha256-js') as {
  Sha256: new (secret?: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
};

export interface ReferenceCase {
  poolName: string;
  userId: string;
  password: string;
  /** The client's secret `a`, hex. */
  aHex: string;
  BHex: string;
  saltHex: string;
  secretBlock: string;
  timestamp: string;
}

export interface ReferenceValues {
  A: string;
  u: string;
  x: string;
  S: string;
  key: string;
  signature: string;
}

/** Every intermediate value the reference computes for one case, as lowercase hex (signature base64). */
export function referenceValues(input: ReferenceCase): Promise<ReferenceValues> {
  const helper = new AuthenticationHelper(input.poolName);
  helper.smallAValue = new BigInteger(input.aHex, 16);
  helper.largeAValue = undefined;
  let A: BigIntegerLike | undefined;
  helper.getLargeAValue((_, value) => (A = value));
  const B = new BigInteger(input.BHex, 16);
  const captured: { x?: BigIntegerLike; S?: BigIntegerLike } = {};
  const calculateS = helper.calculateS.bind(helper);
  helper.calculateS = (x, serverB, callback) =>
    calculateS(x, serverB, (error, S) => {
      captured.x = x;
      captured.S = S;
      callback(error, S);
    });
  return new Promise((resolve, reject) => {
    helper.getPasswordAuthenticationKey(input.userId, input.password, B, new BigInteger(input.saltHex, 16), (error, key) => {
      if (error) return reject(error);
      // As CognitoUser signs the claim: HMAC-SHA256(key, poolName | userId | SECRET_BLOCK | timestamp).
      const hmac = new Sha256(key);
      hmac.update(
        Buffer.concat([
          Buffer.from(input.poolName, 'utf8'),
          Buffer.from(input.userId, 'utf8'),
          Buffer.from(input.secretBlock, 'base64'),
          Buffer.from(input.timestamp, 'utf8'),
        ]),
      );
      resolve({
        A: A!.toString(16),
        u: helper.calculateU(A!, B).toString(16),
        x: captured.x!.toString(16),
        S: captured.S!.toString(16),
        key: Buffer.from(key).toString('hex'),
        signature: Buffer.from(hmac.digestSync()).toString('base64'),
      });
    });
  });
}
