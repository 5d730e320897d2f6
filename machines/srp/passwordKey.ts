import type { SrpSecret } from './startSrp.js';
import { bytesToHex, g, hexHash, hexToBytes, modPow, multiplier, N, padHex, sha256 } from './srpGroup.js';

export interface PasswordKeyInput {
  /** The pool name (the part of the pool id after `_`), or a device's group key. */
  realm: string;
  /** USER_ID_FOR_SRP as the challenge gives it (or a device key), not what the user typed. */
  userId: string;
  password: string;
  secret: SrpSecret;
  /** SRP_B and SALT, read from the challenge. */
  B: bigint;
  salt: bigint;
}

export interface PasswordKey {
  u: bigint;
  x: bigint;
  S: bigint;
  /** The 16-byte HKDF key that signs the password claim. */
  key: Uint8Array<ArrayBuffer>;
}

const INFO = new TextEncoder().encode('Caldera Derived Key');

/**
 * The key both sides derive: u = H(PAD(A) | PAD(B)), x = H(PAD(salt) | H(realm | userId | ":" |
 * password)), S = (B − k·g^x)^(a + u·x) mod N, key = HKDF-SHA256(ikm PAD(S), salt PAD(u)), 16 bytes.
 * Returns null where the server's values would make the proof worthless (B ≡ 0, u = 0).
 */
export async function passwordKey(input: PasswordKeyInput): Promise<PasswordKey | null> {
  const { secret, B, salt } = input;
  if (B % N === 0n) return null;
  const u = BigInt(`0x${await hexHash(padHex(secret.A) + padHex(B))}`);
  if (u === 0n) return null;
  const identity = await sha256(new TextEncoder().encode(`${input.realm}${input.userId}:${input.password}`));
  const x = BigInt(`0x${await hexHash(padHex(salt) + bytesToHex(identity))}`);
  const k = await multiplier();
  const S = modPow(B - k * modPow(g, x, N), secret.a + u * x, N);
  const ikm = await crypto.subtle.importKey('raw', hexToBytes(padHex(S)), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: hexToBytes(padHex(u)), info: INFO }, ikm, 128);
  return { u, x, S, key: new Uint8Array(bits) };
}
