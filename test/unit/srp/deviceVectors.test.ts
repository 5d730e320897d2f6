import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceClaim } from '../../../machines/srp/deviceClaim.js';
import { createDeviceVerifier } from '../../../machines/srp/deviceVerifier.js';
import { g, modPow, N } from '../../../machines/srp/srpGroup.js';
import { referenceDeviceClaim, referenceDeviceVerifier } from '../../support/srp/referenceDevice.js';

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Random bytes as they come, and with leading zero bytes (the salt's padding changes then). */
const bytes = (length: number) =>
  fc
    .tuple(fc.nat({ max: length }), fc.uint8Array({ minLength: length, maxLength: length }))
    .map(([zeros, random]) => Uint8Array.from(random, (byte, index) => (index < zeros ? 0 : byte)));

const deviceKey = fc.uuid().map((uuid) => `us-east-1_${uuid}`);
const deviceGroupKey = fc.stringMatching(/^-[0-9A-Za-z]{9}$/);

/** Hex as a server may send it: leading zero bytes kept, sometimes an odd length. */
const serverHex = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.nat({ max: 3 }), fc.uint8Array({ minLength, maxLength }), fc.boolean())
    .map(([zeros, random, dropNibble]) => {
      const hex = '00'.repeat(zeros) + hexOf(random);
      return dropNibble && hex.startsWith('0') ? hex.slice(1) : hex;
    })
    .filter((hex) => /[1-9a-f]/.test(hex));

describe('device maths against amazon-cognito-identity-js (fixed randomness and clock)', () => {
  it("makes ConfirmDevice's verifier config and the device password byte for byte, over 30 generated cases", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ deviceGroupKey, deviceKey, passwordBytes: bytes(40), saltBytes: bytes(16) }), async (input) => {
        const queue = [input.passwordBytes, input.saltBytes];
        const ours = await createDeviceVerifier(input, (length) => {
          expect(queue[0]).toHaveLength(length);
          return queue.shift()!;
        });
        expect(ours).toEqual(await referenceDeviceVerifier(input));
      }),
      { numRuns: 30, seed: 20261223 },
    );
  });

  const claimCases = fc.record({
    username: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
    // Whether the challenge names the user (Cognito's does); the answer is the user's either way.
    named: fc.boolean(),
    deviceGroupKey,
    deviceKey,
    devicePassword: fc.uint8Array({ minLength: 40, maxLength: 40 }).map((random) => Buffer.from(random).toString('base64')),
    // Mostly short `a`s: the same paths, without jsbn's full-length cost dominating the run.
    aHex: fc
      .oneof({ arbitrary: fc.uint8Array({ minLength: 128, maxLength: 128 }), weight: 1 }, { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 24 }), weight: 9 })
      .map(hexOf)
      .filter((hex) => /[1-9a-f]/.test(hex)),
    BHex: serverHex(1, 384).filter((hex) => BigInt(`0x${hex}`) % N !== 0n),
    saltHex: serverHex(1, 16),
    secretBlock: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((random) => Buffer.from(random).toString('base64')),
    now: fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((date) => date.getTime()),
  });

  it('answers DEVICE_PASSWORD_VERIFIER as the reference does (SRP_A, signature, TIMESTAMP, USERNAME, DEVICE_KEY), over 30 generated cases', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(claimCases, async (input) => {
        const parameters = {
          SRP_B: input.BHex,
          SALT: input.saltHex,
          SECRET_BLOCK: input.secretBlock,
          DEVICE_KEY: input.deviceKey,
          ...(input.named ? { USERNAME: input.username } : {}),
        };
        const a = BigInt(`0x${input.aHex}`);
        const secret = { a, A: modPow(g, a, N) };
        const responses = await deviceClaim({ ...input, secret, parameters });
        expect({ A: secret.A.toString(16), responses }).toEqual(await referenceDeviceClaim({ ...input, parameters }));
      }),
      { numRuns: 30, seed: 20261223 },
    );
  });

  it('uses the USERNAME the challenge names over the one it was given', async () => {
    const secret = { a: 7n, A: modPow(g, 7n, N) };
    const parameters = { SRP_B: 'ab12', SALT: 'cd34', SECRET_BLOCK: 'c2VjcmV0', USERNAME: 'a1b2-canonical' };
    const device = { deviceGroupKey: '-abcdefghi', deviceKey: 'us-east-1_device', devicePassword: 'secret' };
    const responses = await deviceClaim({ ...device, secret, parameters, username: 'demo@example.com', now: 0 });
    expect(responses).toMatchObject({ USERNAME: 'a1b2-canonical', DEVICE_KEY: 'us-east-1_device' });
  });

  it.each([
    ['no SECRET_BLOCK', { SRP_B: 'ab12', SALT: 'cd34' }],
    ['B ≡ 0 mod N', { SRP_B: N.toString(16), SALT: 'cd34', SECRET_BLOCK: 'c2VjcmV0' }],
    ['a non-hex SALT', { SRP_B: 'ab12', SALT: '12g4', SECRET_BLOCK: 'c2VjcmV0' }],
  ])('refuses a device challenge with %s (invalidResponse)', async (_, parameters) => {
    const secret = { a: 7n, A: modPow(g, 7n, N) };
    const device = { deviceGroupKey: '-abcdefghi', deviceKey: 'us-east-1_device', devicePassword: 'secret' };
    await expect(deviceClaim({ ...device, secret, parameters, username: 'demo', now: 0 })).rejects.toMatchObject({ code: 'invalidResponse' });
  });
});
