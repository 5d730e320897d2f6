import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../machines/index.js';
import { takePendingRequest } from '../../../machines/oauth/pendingRequest.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { PENDING_KEY } from '../../support/oauth/oauthTestWorld.js';

// The authorization request waiting in this tab for its return. What it keeps decides whether a
// return is accepted (state), its ID token believed (nonce) and its code exchanged (verifier,
// redirect URI): one that lacks any of them must never be used.

const complete = { state: 's', nonce: 'n', verifier: 'v', redirectUri: 'https://app.example.com/callback', customState: null };

function kept(raw: string) {
  const pending = memoryStorage('session');
  pending.setItem(PENDING_KEY, raw);
  return pending;
}

describe('takePendingRequest', () => {
  it.each([
    ['no verifier', JSON.stringify({ ...complete, verifier: undefined })],
    ['an empty state', JSON.stringify({ ...complete, state: '' })],
    ['a nonce that is not a string', JSON.stringify({ ...complete, nonce: 5 })],
    ['no redirect URI', JSON.stringify({ ...complete, redirectUri: undefined })],
    ['unreadable data', '{not json'],
  ])('gives no request for one with %s, and removes it', (_what, raw) => {
    const pending = kept(raw);
    expect(takePendingRequest(pending, TEST_POOL.clientId)).toBeNull();
    expect(pending.getItem(PENDING_KEY)).toBeNull();
  });

  it('gives a complete one once: a code is exchanged at most once', () => {
    const pending = kept(JSON.stringify(complete));
    expect(takePendingRequest(pending, TEST_POOL.clientId)).toEqual(complete);
    expect(takePendingRequest(pending, TEST_POOL.clientId)).toBeNull();
  });
});
