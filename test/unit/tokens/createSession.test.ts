import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { decodeClaims } from '../../../machines/tokens/decodeClaims.js';
import { isExpired, msUntilRefresh } from '../../../machines/tokens/Session.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const NOW = 1_700_000_000_000;
const iatSeconds = NOW / 1000;

function expectInvalidToken(run: () => unknown, message: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('invalidToken');
    expect((error as AuthError).message).toMatch(message);
    return;
  }
  throw new Error('expected an invalidToken AuthError');
}

describe('decodeClaims', () => {
  const claims = { sub: 's', iss: TEST_POOL.issuer, iat: iatSeconds, exp: iatSeconds + 60 };

  it('accepts a well-formed ID token and returns its claims', () => {
    const token = makeJwt({ ...claims, token_use: 'id', aud: TEST_POOL.clientId, email: 'a@b.c' });
    expect(decodeClaims(token, 'id', TEST_POOL).email).toBe('a@b.c');
  });

  it.each([
    ['garbage', 'not-a-jwt', /well-formed/],
    ['an empty string', '', /missing/],
    ['an access token where an ID token is expected', makeJwt({ ...claims, token_use: 'access', client_id: TEST_POOL.clientId }), /token_use/],
    ['another issuer', makeJwt({ ...claims, token_use: 'id', aud: TEST_POOL.clientId, iss: 'https://evil.example/pool' }), /another user pool/],
    ['another client', makeJwt({ ...claims, token_use: 'id', aud: 'someoneelse' }), /another app client/],
    ['no subject', makeJwt({ ...claims, sub: '', token_use: 'id', aud: TEST_POOL.clientId }), /subject/],
    ['exp before iat', makeJwt({ ...claims, exp: iatSeconds - 1, token_use: 'id', aud: TEST_POOL.clientId }), /iat\/exp/],
    ['string times', makeJwt({ ...claims, exp: String(iatSeconds + 60), token_use: 'id', aud: TEST_POOL.clientId }), /iat\/exp/],
    ['a token valid for no time at all (exp = iat)', makeJwt({ ...claims, exp: iatSeconds, token_use: 'id', aud: TEST_POOL.clientId }), /iat\/exp/],
    ['an iat of 0', makeJwt({ ...claims, iat: 0, token_use: 'id', aud: TEST_POOL.clientId }), /iat\/exp/],
  ])('rejects %s', (_, token, message) => {
    expectInvalidToken(() => decodeClaims(token, 'id', TEST_POOL), message);
  });

  it('checks client_id, not aud, on access tokens', () => {
    const token = makeJwt({ ...claims, token_use: 'access', client_id: 'other' });
    expectInvalidToken(() => decodeClaims(token, 'access', TEST_POOL), /another app client/);
  });
});

describe('createSession', () => {
  it('estimates drift from iat, conservatively, and expresses expiry on the device clock', () => {
    // The server is 90 s ahead of this device. `iat` is rounded down to the second, so the
    // server may have issued the token up to 1 s later: the device takes the earliest expiry.
    const tokens = makeTokenSet({ iatSeconds: iatSeconds + 90, lifetimeSeconds: 300 });
    const session = createSession(tokens, TEST_POOL, NOW);
    expect(session.driftMs).toBe(91_000);
    expect(session.expiresAt).toBe(NOW + 299_000);
    expect(session.lifetimeMs).toBe(300_000);
    expect(isExpired(session, NOW + 298_999)).toBe(false);
    expect(isExpired(session, NOW + 299_000)).toBe(true);
  });

  it('never puts expiry after the real exp, however long the answer took', () => {
    // Sent at NOW, issued by the server at NOW + 0.9 s (iat rounds down), received at NOW + 1.5 s.
    const tokens = makeTokenSet({ iatSeconds, lifetimeSeconds: 300 });
    const session = createSession(tokens, TEST_POOL, NOW);
    const realExpiryOnDevice = NOW + 900 + 300_000 - 900; // exp on the server clock, as device time
    expect(session.expiresAt).toBeLessThanOrEqual(realExpiryOnDevice);
  });

  // Cognito sets the two validities apart (an app client may give access tokens 5 minutes and ID
  // tokens an hour): whichever expires first ends the session, whichever token it is.
  it.each([
    ['the ID token', { idLifetimeSeconds: 300, accessLifetimeSeconds: 3600 }],
    ['the access token', { idLifetimeSeconds: 3600, accessLifetimeSeconds: 300 }],
  ])('takes expiry and lifetime from the token that expires first (%s)', (_, lifetimes) => {
    const session = createSession(makeTokenSet({ iatSeconds, ...lifetimes }), TEST_POOL, NOW);
    expect(session.expiresAt).toBe(NOW + 299_000);
    expect(session.lifetimeMs).toBe(300_000);
    expect(isExpired(session, NOW + 298_999)).toBe(false);
    expect(isExpired(session, NOW + 299_000)).toBe(true);
    expect(msUntilRefresh(session, 60_000, NOW)).toBe(239_000);
  });

  it('estimates drift from the access token, whose iat may differ from the ID token\'s', () => {
    const access = makeTokenSet({ iatSeconds: iatSeconds + 30, lifetimeSeconds: 300 });
    const id = makeTokenSet({ iatSeconds, lifetimeSeconds: 300 });
    const session = createSession({ ...id, accessToken: access.accessToken }, TEST_POOL, NOW);
    expect(session.driftMs).toBe(31_000);
    // The ID token expires first (on the server clock); its expiry moves by the same drift.
    expect(session.expiresAt).toBe(NOW + 300_000 - 31_000);
  });

  it('keeps a given drift when restoring', () => {
    const tokens = makeTokenSet({ iatSeconds, lifetimeSeconds: 300 });
    const session = createSession(tokens, TEST_POOL, NOW + 10_000, -5_000);
    expect(session.expiresAt).toBe(NOW + 305_000);
  });

  it('rejects ID and access tokens of different users', () => {
    const a = makeTokenSet({ iatSeconds, sub: 'a' });
    const b = makeTokenSet({ iatSeconds, sub: 'b' });
    expectInvalidToken(() => createSession({ ...a, accessToken: b.accessToken }, TEST_POOL, NOW), /different users/);
  });

  it('refuses tokens issued more than a day away from the device clock (a replay, not skew)', () => {
    const tokens = makeTokenSet({ iatSeconds: iatSeconds - 2 * 86_400 });
    expectInvalidToken(() => createSession(tokens, TEST_POOL, NOW), /more than a day/);
  });

  it('takes a device clock up to a whole day off as skew', () => {
    // The drift is iat + 1 s − the time the request was sent (see createSession).
    const dayBehind = makeTokenSet({ iatSeconds: iatSeconds - 86_401 });
    expect(createSession(dayBehind, TEST_POOL, NOW).driftMs).toBe(-86_400_000);
    expectInvalidToken(() => createSession(makeTokenSet({ iatSeconds: iatSeconds - 86_402 }), TEST_POOL, NOW), /more than a day/);
    const dayAhead = makeTokenSet({ iatSeconds: iatSeconds + 86_399 });
    expect(createSession(dayAhead, TEST_POOL, NOW).driftMs).toBe(86_400_000);
  });

  it('requires a refresh token', () => {
    const tokens = makeTokenSet({ iatSeconds });
    expectInvalidToken(() => createSession({ ...tokens, refreshToken: '' }, TEST_POOL, NOW), /refresh token/);
  });
});

describe('msUntilRefresh', () => {
  it('fires lead before expiry', () => {
    const session = createSession(makeTokenSet({ iatSeconds, lifetimeSeconds: 300 }), TEST_POOL, NOW);
    // Expiry is taken 1 s early (iat rounds down), so the refresh comes 1 s early too.
    expect(msUntilRefresh(session, 60_000, NOW)).toBe(239_000);
  });

  it('clamps the lead to half the lifetime so 30-second tokens do not loop', () => {
    const session = createSession(makeTokenSet({ iatSeconds, lifetimeSeconds: 30 }), TEST_POOL, NOW);
    expect(msUntilRefresh(session, 60_000, NOW)).toBe(14_000);
  });

  it('is 0, not negative, when overdue', () => {
    const session = createSession(makeTokenSet({ iatSeconds, lifetimeSeconds: 30 }), TEST_POOL, NOW);
    expect(msUntilRefresh(session, 60_000, NOW + 60_000)).toBe(0);
  });
});
