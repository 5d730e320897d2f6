// amazon-cognito-identity-js, the reference client, remembering a device and proving it, with
// fixed randomness and a fixed clock: the oracle for machines/srp's device maths. Its own
// CognitoUser does the work (a sign-in answer with NewDeviceMetadata for the verifier,
// getDeviceResponse for the proof); a stub client feeds it and takes what it sends.
// Its CommonJS build is loaded as Node loads it.
import { createRequire } from 'node:module';
import { vi } from 'vitest';
import { makeTokenSet } from '../fakeTokens.js';

const require = createRequire(import.meta.url);
type BigIntegerLike = { toString(radix: number): string };
type Callback<T> = (error: unknown, value: T) => void;
type Request = (operation: string, parameters: Record<string, unknown>, callback: Callback<unknown>) => void;
interface Callbacks {
  onFailure(error: unknown): void;
  onSuccess(): void;
}
interface ReferenceUser {
  client: { request: Request };
  deviceKey: string | null;
  deviceGroupKey: string | null;
  randomPassword: string | null;
  Session: string | null;
  authenticateUserInternal(answer: object, helper: object, callbacks: Callbacks): void;
  getDeviceResponse(callbacks: Callbacks): void;
}
interface WordArrayLike {
  random(length: number): object;
}

const BigInteger = (require('amazon-cognito-identity-js/lib/BigInteger.js') as { default: new (hex: string, radix: number) => BigIntegerLike }).default;
const AuthenticationHelper = (require('amazon-cognito-identity-js/lib/AuthenticationHelper.js') as { default: { new (realm: string): object; prototype: { generateRandomSmallA(): BigIntegerLike } } })
  .default;
const WordArray = (require('amazon-cognito-identity-js/lib/utils/WordArray.js') as { default: { new (words: number[], length: number): object; prototype: WordArrayLike } }).default;
const { CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js') as {
  CognitoUser: new (data: { Username: string; Pool: object }) => ReferenceUser;
  CognitoUserPool: new (data: { UserPoolId: string; ClientId: string }) => object;
};

const pool = () => new CognitoUserPool({ UserPoolId: 'us-east-1_Reference1', ClientId: 'referenceclient' });

export interface ReferenceVerifierCase {
  deviceGroupKey: string;
  deviceKey: string;
  /** The 40 random bytes the device password is made of, then the 16 of its salt. */
  passwordBytes: Uint8Array;
  saltBytes: Uint8Array;
}

/**
 * What the reference sends in ConfirmDevice after a sign-in that names a new device, and the
 * password it keeps. Its random bytes come from WordArray.random, replaced for the run by one that
 * hands out the case's bytes in the order they are asked for (password, then salt).
 */
export async function referenceDeviceVerifier(input: ReferenceVerifierCase) {
  // The helper picks its own `a` (and works out A) when made, before the device's bytes are asked
  // for; the verifier does not depend on it, so a small one saves the full-length modPow.
  const { generateRandomSmallA } = AuthenticationHelper.prototype;
  AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger('2a', 16);
  const helper = new AuthenticationHelper('Reference1');
  AuthenticationHelper.prototype.generateRandomSmallA = generateRandomSmallA;
  const queue = [input.passwordBytes, input.saltBytes];
  const { random } = WordArray.prototype;
  WordArray.prototype.random = (length) => {
    const bytes = queue.shift();
    if (bytes?.length !== length) throw new Error(`the reference asked for ${length} random bytes, out of turn`);
    const words: number[] = [];
    for (let i = 0; i < length; i += 4) words.push(((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0));
    return new WordArray(words, length);
  };
  try {
    const user = new CognitoUser({ Username: 'demo', Pool: pool() });
    const tokens = makeTokenSet({ iatSeconds: 1_700_000_000 });
    const answer = {
      AuthenticationResult: {
        IdToken: tokens.idToken,
        AccessToken: tokens.accessToken,
        RefreshToken: tokens.refreshToken,
        NewDeviceMetadata: { DeviceKey: input.deviceKey, DeviceGroupKey: input.deviceGroupKey },
      },
    };
    const verifierConfig = await new Promise<unknown>((resolve, reject) => {
      user.client = {
        request: (operation, parameters) => {
          if (operation === 'ConfirmDevice') resolve(parameters['DeviceSecretVerifierConfig']);
          else reject(new Error(`the reference called ${operation}`));
        },
      };
      user.authenticateUserInternal(answer, helper, {
        onFailure: reject,
        onSuccess: () => reject(new Error('the reference did not confirm the device')),
      });
    });
    return { devicePassword: user.randomPassword, verifierConfig };
  } finally {
    WordArray.prototype.random = random;
  }
}

export interface ReferenceDeviceClaimCase {
  /** The user's username, as the reference client holds it after the password step. */
  username: string;
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  /** The client's secret `a`, hex. */
  aHex: string;
  /** DEVICE_PASSWORD_VERIFIER's ChallengeParameters. */
  parameters: Record<string, string>;
  /** The device clock at the answer, ms. */
  now: number;
}

/** The reference's SRP_A and its DEVICE_PASSWORD_VERIFIER answer (getDeviceResponse), `a` fixed. */
export async function referenceDeviceClaim(input: ReferenceDeviceClaimCase): Promise<{ A: string; responses: Record<string, string> }> {
  const { generateRandomSmallA } = AuthenticationHelper.prototype;
  AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger(input.aHex, 16);
  vi.useFakeTimers({ toFake: ['Date'], now: input.now });
  try {
    const user = new CognitoUser({ Username: input.username, Pool: pool() });
    Object.assign(user, { deviceKey: input.deviceKey, deviceGroupKey: input.deviceGroupKey, randomPassword: input.devicePassword, Session: 'device-srp' });
    return await new Promise((resolve, reject) => {
      let A = '';
      user.client = {
        request: (operation, parameters, callback) => {
          const responses = parameters['ChallengeResponses'] as Record<string, string>;
          if (parameters['ChallengeName'] === 'DEVICE_PASSWORD_VERIFIER') return resolve({ A, responses });
          A = responses['SRP_A']!;
          callback(null, { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: 'device-proof', ChallengeParameters: input.parameters });
        },
      };
      user.getDeviceResponse({ onFailure: reject, onSuccess: () => reject(new Error('the stub client never issues tokens')) });
    });
  } finally {
    vi.useRealTimers();
    AuthenticationHelper.prototype.generateRandomSmallA = generateRandomSmallA;
  }
}
