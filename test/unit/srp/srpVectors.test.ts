import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cognitoTimestamp, passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { passwordKey } from '../../../machines/srp/passwordKey.js';
import { bytesToHex, g, modPow, N } from '../../../machines/srp/srpGroup.js';
import { referenceValues, type ReferenceCase } from '../../support/srp/referenceSrp.js';

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const NOW = Date.UTC(2026, 2, 5, 9, 4, 7);

/**
 * Hex as a server may send it: leading zero bytes kept, and sometimes one leading `0` dropped
 * (an odd length), the classic places for a padding mismatch.
 */
const serverHex = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.nat({ max: 3 }), fc.uint8Array({ minLength, maxLength }), fc.boolean())
    .map(([zeros, bytes, dropNibble]) => {
      const hex = '00'.repeat(zeros) + hexOf(bytes);
      return dropNibble && hex.startsWith('0') ? hex.slice(1) : hex;
    })
    .filter((hex) => /[1-9a-f]/.test(hex));

const cases = fc.record({
  poolName: fc.stringMatching(/^[0-9A-Za-z]{9}$/),
  username: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  userId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  password: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }),
  // The reference's `a` is 128 random bytes; shorter ones take the same paths and keep the
  // reference (jsbn, ~0.3 s a case at full length) from dominating the suite.
  aHex: fc
    .oneof({ arbitrary: fc.uint8Array({ minLength: 128, maxLength: 128 }), weight: 1 }, { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 24 }), weight: 5 })
    .map(hexOf)
    .filter((hex) => /[1-9a-f]/.test(hex)),
  BHex: serverHex(1, 384).filter((hex) => BigInt(`0x${hex}`) % N !== 0n),
  saltHex: serverHex(1, 16),
  secretBlock: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  // Any moment of the century: one-digit days, hours, minutes and seconds, every month and weekday.
  now: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((date) => date.getTime()),
});

async function ours(input: ReferenceCase) {
  const a = BigInt(`0x${input.aHex}`);
  const secret = { a, A: modPow(g, a, N) };
  const parameters = { SRP_B: input.BHex, SALT: input.saltHex, SECRET_BLOCK: input.secretBlock, USER_ID_FOR_SRP: input.userId };
  const key = await passwordKey({
    realm: input.poolName,
    userId: input.userId,
    password: input.password,
    secret,
    B: BigInt(`0x${input.BHex}`),
    salt: BigInt(`0x${input.saltHex}`),
  });
  const responses = await passwordClaim({ realm: input.poolName, password: input.password, secret, parameters, username: input.username, now: input.now });
  return { A: secret.A.toString(16), u: key!.u.toString(16), x: key!.x.toString(16), S: key!.S.toString(16), key: bytesToHex(key!.key), responses };
}

describe('SRP against amazon-cognito-identity-js (fixed randomness and clock)', () => {
  it('computes A, u, x, S, the HKDF key and the whole answer (signature, TIMESTAMP) byte for byte, over 200 generated cases', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (input) => {
        expect(await ours(input)).toEqual(await referenceValues(input));
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });

  it("writes the timestamp in Cognito's format: English, UTC, the day unpadded", () => {
    expect(cognitoTimestamp(new Date(NOW))).toBe('Thu Mar 5 09:04:07 UTC 2026');
    expect(cognitoTimestamp(new Date(Date.UTC(2026, 11, 24, 23, 0, 0)))).toBe('Thu Dec 24 23:00:00 UTC 2026');
  });
});
