import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { parseStoredSession, serializeSession, storageKey } from '../../../machines/storage/storedSession.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const NOW = 1_700_000_000_000;

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

  const stored = (change: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(serializeSession(session)), ...change });
  const shape = 'The stored session has an unknown version or shape.';

  // The message says what was wrong, for the app's logs: the data is cleared either way.
  it.each([
    ['not JSON', '{oops', 'The stored session is not valid JSON.'],
    ['JSON null', 'null', shape],
    ['a JSON number', '7', shape],
    ['another version', stored({ version: 2 }), shape],
    ['a missing ID token', stored({ idToken: undefined }), shape],
    ['a missing access token', stored({ accessToken: undefined }), shape],
    ['a refresh token that is not text', stored({ refreshToken: 42 }), shape],
    ['a non-numeric drift', stored({ driftMs: 'x' }), shape],
    ['a tampered token', stored({ idToken: 'eyJhbGciOi.garbage.sig' }), /^The stored session was rejected: /],
    [
      'tokens of another client',
      JSON.stringify({ version: 1, ...makeTokenSet({ iatSeconds: NOW / 1000, clientId: 'other' }), driftMs: 0 }),
      /^The stored session was rejected: .*another app client/,
    ],
  ])('rejects %s as invalidStorage, saying why', (_, raw, message) => {
    expect(() => parseStoredSession(raw, TEST_POOL, NOW)).toThrow(expect.objectContaining({ code: 'invalidStorage', message: expect.stringMatching(message) }));
  });

  it('keeps the token check that refused a stored session as its cause', () => {
    const foreign = JSON.stringify({ version: 1, ...makeTokenSet({ iatSeconds: NOW / 1000, clientId: 'other' }), driftMs: 0 });
    const error = (() => {
      try {
        parseStoredSession(foreign, TEST_POOL, NOW);
      } catch (thrown) {
        return thrown as AuthError;
      }
    })();
    expect(error?.cause).toMatchObject({ code: 'invalidToken' });
  });
});
