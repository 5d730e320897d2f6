import { AuthError } from '../AuthError.js';
import { passwordKey } from './passwordKey.js';
import { bytesToBase64, concatBytes } from './srpGroup.js';
import type { SrpSecret } from './startSrp.js';

export interface PasswordClaimInput {
  /** The pool name (after `_` in the pool id). */
  realm: string;
  password: string;
  secret: SrpSecret;
  /** PASSWORD_VERIFIER's ChallengeParameters: SRP_B, SALT, SECRET_BLOCK, USER_ID_FOR_SRP. */
  parameters: Record<string, string>;
  /** Used when the challenge names no USER_ID_FOR_SRP. */
  username: string;
  /** Device time, ms: the claim's TIMESTAMP. */
  now: number;
}

export interface ClaimInput {
  /** The pool name, or a device's group key. */
  realm: string;
  /** Whom SRP hashes: USER_ID_FOR_SRP, or a device key. */
  userId: string;
  password: string;
  secret: SrpSecret;
  /** The verifier challenge's SRP_B, SALT and SECRET_BLOCK. */
  parameters: Record<string, string>;
  now: number;
}

/** What a user's and a device's claim have in common. */
export interface SignedClaim {
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  PASSWORD_CLAIM_SIGNATURE: string;
  TIMESTAMP: string;
}

const HEX = /^[0-9a-f]+$/i;
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * The answer to PASSWORD_VERIFIER: proof of the password without sending it. The server's values
 * are checked before anything is computed or sent; bad ones are an `invalidResponse`.
 */
export async function passwordClaim(input: PasswordClaimInput): Promise<Record<string, string>> {
  const userId = input.parameters['USER_ID_FOR_SRP'] || input.username;
  const signed = await signClaim({ ...input, userId });
  return { USERNAME: userId, ...signed };
}

/**
 * HMAC(key, realm | userId | SECRET_BLOCK | TIMESTAMP) with the key passwordKey derives: the
 * proof PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER both take, for different realms and ids.
 */
export async function signClaim(input: ClaimInput): Promise<SignedClaim> {
  const { parameters, userId } = input;
  const secretBlock = parameters['SECRET_BLOCK'];
  const secretBytes = secretBlock ? base64ToBytes(secretBlock) : null;
  if (!secretBytes) throw invalidResponse('no usable SECRET_BLOCK');
  const derived = await passwordKey({
    realm: input.realm,
    userId,
    password: input.password,
    secret: input.secret,
    B: readHex(parameters['SRP_B'], 'SRP_B'),
    salt: readHex(parameters['SALT'], 'SALT'),
  });
  if (!derived) throw invalidResponse('an SRP_B that would make the proof worthless');
  const timestamp = cognitoTimestamp(new Date(input.now));
  const hmacKey = await crypto.subtle.importKey('raw', derived.key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const message = concatBytes(encode(input.realm), encode(userId), secretBytes, encode(timestamp));
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
  return { PASSWORD_CLAIM_SECRET_BLOCK: secretBlock!, PASSWORD_CLAIM_SIGNATURE: bytesToBase64(signature), TIMESTAMP: timestamp };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cognito's format, `Tue Mar 5 09:04:07 UTC 2024`: English, UTC, day of month unpadded. */
export function cognitoTimestamp(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

function readHex(value: string | undefined, name: string): bigint {
  if (!value || !HEX.test(value)) throw invalidResponse(`a missing or malformed ${name}`);
  return BigInt(`0x${value}`);
}

function base64ToBytes(value: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function invalidResponse(what: string): AuthError {
  return new AuthError('invalidResponse', `The user pool's sign-in challenge had ${what}; nothing was sent.`);
}
