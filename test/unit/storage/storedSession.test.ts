import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { parseStoredSession, serializeSession, storageKey } from '../../../machines/storage/storedSession.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const NOW = 1_700_000_000_000;

function storedCode(raw: string): string {
  try {
    parseStoredSession(raw, TEST_POOL, NOW);
  } catch (error) {
    return (error as AuthError).code;
  }
  return 'accepted';
}

describe('stored session', () => {
  const session = createSession(makeTokenSet({ iatSeconds: NOW / 1000 + 3 }), TEST_POOL, NOW);

  it('round-trips tokens and drift', () => {
    const restored = parseStoredSession(serializeSession(session), TEST_POOL, NOW + 1000);
    expect(restored.tokens).toEqual(session.tokens);
    expect(restored.driftMs).toBe(4000);
    expect(restored.expiresAt).toBe(session.expiresAt);
  });

  it('is namespaced by pool and client', () => {
    expect(storageKey('us-east-1_A', 'c1')).not.toBe(storageKey('us-east-1_A', 'c2'));
    expect(storageKey('us-east-1_A', 'c1')).not.toBe(storageKey('us-east-1_B', 'c1'));
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['another version', JSON.stringify({ ...JSON.parse(serializeSession(session)), version: 2 })],
    ['a missing token', JSON.stringify({ ...JSON.parse(serializeSession(session)), idToken: undefined })],
    ['a tampered token', JSON.stringify({ ...JSON.parse(serializeSession(session)), idToken: 'eyJhbGciOi.garbage.sig' })],
    [
      'tokens of another client',
      JSON.stringify({ version: 1, ...makeTokenSet({ iatSeconds: NOW / 1000, clientId: 'other' }), driftMs: 0 }),
    ],
    ['a non-numeric drift', JSON.stringify({ ...JSON.parse(serializeSession(session)), driftMs: 'x' })],
  ])('rejects %s as invalidStorage', (_, raw) => {
    expect(storedCode(raw)).toBe('invalidStorage');
  });
});
