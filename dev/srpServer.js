// @ts-check
// Cognito's side of SRP-6a in the dev world (cognito-local has none): the server half of one
// exchange against a stored salt and verifier, with the 3072-bit group of RFC 5054 (g = 2),
// numbers hashed as amazon-cognito-identity-js writes them (padHex), and the claim checked as the
// service checks PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER: HMAC(HKDF(S, u),
// realm | userId | SECRET_BLOCK | TIMESTAMP). Plain JS for `npm run dev`; the client's half is
// machines/srp/ (TypeScript), the test fake's test/support/srp/srpVerifier.ts.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
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
