import { describe, expect, it } from 'vitest';
import { codeChallengeS256, randomToken } from '../../../machines/oauth/index.js';

describe('PKCE and the request values', () => {
  it('S256 gives RFC 7636 appendix B’s challenge for its verifier', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('verifier, state and nonce are 256-bit base64url values, never repeated', () => {
    const values = Array.from({ length: 2000 }, () => randomToken());
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(values).size).toBe(values.length);
    // Every base64url character turns up at every position often enough: no fixed or biased bytes.
    const firstCharacters = new Set(values.map((value) => value[0]));
    expect(firstCharacters.size).toBeGreaterThan(60);
  });
});
