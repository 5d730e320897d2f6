// @ts-check
// Cognito's side of SRP-6a in the dev world (cognito-local has none): the server half of one
// exchange against a stored salt and verifier, with the 3072-bit group of RFC 5054 (g = 2),
// numbers hashed as amazon-cognito-identity-js writes them (padHex), and the claim checked as the
// service checks PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER: HMAC(HKDF(S, u),
// realm | userId | SECRET_BLOCK | TIMESTAMP). Plain JS for `npm run dev`; the client's half is
// machines/srp/ (TypeScript), the test fake's test/support/srp/srpVerifier.ts.
import { createHash, createHmac, getDiffieHellman, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

// RFC 5054's 3072-bit group is RFC 3526's MODP group 15, which Node carries: the same prime as
// machines/srp/srpGroup.ts writes out (this file is plain JS and cannot import it).
const N = BigInt(`0x${getDiffieHellman('modp15').getPrime('hex')}`);
const g = 2n;
// k = H(N | PAD(g))
const k = hashHex(padHex(N) + padHex(g));
/** How far the claim's TIMESTAMP may be from this clock (our choice; Cognito does not say). */
const TIMESTAMP_SKEW_MS = 5 * 60_000;

/**
 * @typedef {object} SrpAccount
 * @property {string} realm  the pool's name (after `_` in its id), or a device's group key
 * @property {string} userId  whom SRP hashes: USER_ID_FOR_SRP, or a device key
 * @property {bigint} salt
 * @property {bigint} verifier  g^x mod N
 */

/**
 * @typedef {object} SrpExchange
 * @property {{ SALT: string, SRP_B: string, SECRET_BLOCK: string }} parameters  the verifier challenge's
 * @property {(responses: Record<string, string>, now: number) => boolean} verify  whether the claim
 *   (PASSWORD_CLAIM_SIGNATURE over PASSWORD_CLAIM_SECRET_BLOCK and TIMESTAMP) proves the password
 */

/**
 * The server's half for a client's SRP_A, or null when SRP_A is not a usable number (A mod N = 0).
 * @param {SrpAccount} account @param {string} srpA  hex
 * @returns {SrpExchange | null}
 */
export function startSrpExchange(account, srpA) {
  const A = /^[0-9a-f]+$/i.test(srpA) ? BigInt(`0x${srpA}`) : 0n;
  if (A % N === 0n) return null;
  const b = BigInt(`0x${randomBytes(128).toString('hex')}`);
  const B = (k * account.verifier + modPow(g, b, N)) % N;
  const secretBlock = randomBytes(48).toString('base64');
  return {
    parameters: { SALT: account.salt.toString(16), SRP_B: B.toString(16), SECRET_BLOCK: secretBlock },
    verify(responses, now) {
      const timestamp = responses['TIMESTAMP'] ?? '';
      const sent = Date.parse(`${timestamp.replace(' UTC ', ' ')} UTC`);
      if (!Number.isFinite(sent) || Math.abs(sent - now) > TIMESTAMP_SKEW_MS) return false;
      if (responses['PASSWORD_CLAIM_SECRET_BLOCK'] !== secretBlock) return false;
      const u = hashHex(padHex(A) + padHex(B));
      const S = modPow(A * modPow(account.verifier, u, N), b, N);
      const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), 'Caldera Derived Key', 16));
      const message = Buffer.concat([Buffer.from(account.realm), Buffer.from(account.userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]);
      const expected = createHmac('sha256', key).update(message).digest();
      const given = Buffer.from(responses['PASSWORD_CLAIM_SIGNATURE'] ?? '', 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * A number as the reference client hashes it: even-length hex, `00` first when the top bit is set.
 * @param {bigint} value
 */
function padHex(value) {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

/** SHA-256 of the bytes a hex string spells, as a number. @param {string} hex */
function hashHex(hex) {
  return BigInt(`0x${createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex')}`);
}

/** base^exponent mod modulus, for non-negative values. @param {bigint} base @param {bigint} exponent @param {bigint} modulus */
function modPow(base, exponent, modulus) {
  let result = 1n;
  let square = base % modulus;
  for (let rest = exponent; rest > 0n; rest >>= 1n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
}
