import { describe, expect, it } from 'vitest';
import { createSession } from '../../../machines/tokens/createSession.js';
import { redactTokens } from '../../../machines/tokens/redactTokens.js';
import { isTokenOf, tokenIdOf } from '../../../machines/tokens/Session.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const NOW = 1_700_000_000_000;

describe('tokenIdOf and isTokenOf', () => {
  it("names a token by its jti, or by subject and issue time where it has none", () => {
    expect(tokenIdOf({ sub: 's', iss: 'i', iat: 100, exp: 200, jti: 'j-1', token_use: 'id', aud: 'a' })).toBe('j-1');
    expect(tokenIdOf({ sub: 's', iss: 'i', iat: 100, exp: 200, token_use: 'access', client_id: 'c' })).toBe('s@100');
  });

  it("matches the session's ID token or its access token, never another session's", () => {
    const iatSeconds = NOW / 1000;
    const id = makeTokenSet({ iatSeconds, serial: 1 });
    // An access token with its own jti, as Cognito issues them.
    const access = makeJwt({ sub: '11111111-2222-3333-4444-555555555555', iss: TEST_POOL.issuer, iat: iatSeconds, exp: iatSeconds + 3600, jti: 'access-jti', token_use: 'access', client_id: TEST_POOL.clientId });
    const session = createSession({ ...id, accessToken: access }, TEST_POOL, NOW);
    expect(isTokenOf(session, 'jti-1')).toBe(true);
    expect(isTokenOf(session, 'access-jti')).toBe(true);
    expect(isTokenOf(session, 'jti-2')).toBe(false);
  });
});

describe('redactTokens', () => {
  it('replaces JWTs (three parts) and Cognito refresh tokens (JWE, five parts), wherever they are in the text', () => {
    const jwt = makeJwt({ sub: 's' });
    const refresh = makeTokenSet({ iatSeconds: 1 }).refreshToken;
    expect(redactTokens(`id=${jwt}; refresh ${refresh}.`)).toBe('id=[redacted token]; refresh [redacted token].');
  });

  it('leaves text that only looks a little like one', () => {
    expect(redactTokens('eyJhbGciOiJIUzI1NiJ9.only-two-parts and plain eyJ')).toBe('eyJhbGciOiJIUzI1NiJ9.only-two-parts and plain eyJ');
  });
});
