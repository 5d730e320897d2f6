import { describe, expect, it } from 'vitest';
import { AuthError, resolveConfig, type AuthConfig } from '../../machines/index.js';

// Every option's accepted range and unit, at its edges: a config that is wrong fails at creation
// with a message naming the option; a config that is right is taken in the unit the name says.

const base = { userPoolId: 'us-east-1_A', clientId: 'abc' } as const;
const refused = (input: unknown, message: RegExp | string) =>
  expect(() => resolveConfig(input as never)).toThrow(expect.objectContaining({ code: 'invalidConfig', message: expect.stringMatching(message) }));
const resolved = (extra: Partial<AuthConfig>) => resolveConfig({ ...base, ...extra } as never);

describe('resolveConfig', () => {
  it('derives region and issuer from the pool id', () => {
    const config = resolveConfig({ userPoolId: 'eu-west-1_AbC123', clientId: 'abc' });
    expect(config.region).toBe('eu-west-1');
    expect(config.issuer).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');
    expect(config.refreshLeadMs).toBe(60_000);
  });

  it('uses <endpoint>/<poolId> as issuer with an endpoint override', () => {
    const config = resolveConfig({ userPoolId: 'us-east-1_Local', clientId: 'abc', endpoint: 'http://127.0.0.1:9000/' });
    expect(config.issuer).toBe('http://127.0.0.1:9000/us-east-1_Local');
  });

  it.each([
    ['a missing pool id', { clientId: 'abc' }, /userPoolId is required/],
    ['a malformed pool id', { userPoolId: 'mypool', clientId: 'abc' }, /<region>_<id>/],
    ['a missing client id', { userPoolId: 'us-east-1_A' }, /clientId/],
    ['a region mismatch', { userPoolId: 'us-east-1_A', clientId: 'abc', region: 'eu-west-1' }, /does not match/],
    ['a negative lead', { userPoolId: 'us-east-1_A', clientId: 'abc', refreshLeadSeconds: -1 }, /refreshLeadSeconds/],
    ['a non-URL endpoint', { userPoolId: 'us-east-1_A', clientId: 'abc', endpoint: 'localhost:9229' }, /endpoint/],
  ])('throws a clear invalidConfig error for %s', (_, input, message) => {
    expect(() => resolveConfig(input as never)).toThrow(message);
    expect(() => resolveConfig(input as never)).toThrow(AuthError);
  });
});

describe('resolveConfig refuses', () => {
  it.each([null, undefined, 'us-east-1_A', 42])('a configuration that is not an object: %s', (input) => {
    refused(input, /^createAuth needs a configuration object\.$/);
  });

  it('an empty pool id as missing', () => {
    refused({ ...base, userPoolId: '' }, /^userPoolId is required\.$/);
    refused({ ...base, userPoolId: 7 }, /^userPoolId is required\.$/);
  });

  it.each([
    [{ totpIssuer: '' }, /^totpIssuer must be a non-empty name\.$/],
    [{ totpIssuer: '   ' }, /^totpIssuer must be a non-empty name\.$/],
    [{ totpIssuer: 7 }, /^totpIssuer must be a non-empty name\.$/],
    [{ refreshApi: 'sometimes' }, /^refreshApi must be/],
    [{ refreshApi: '' }, /^refreshApi must be/],
    [{ authFlow: 'IMPLICIT' }, /^authFlow must be one of USER_SRP_AUTH, /],
    [{ endpoint: 'ftp://127.0.0.1:9229' }, /^endpoint must be an http\(s\) URL\.$/],
    [{ issuer: 'not a url' }, /^issuer must be an http\(s\) URL\.$/],
    [{ idleTimeoutMinutes: 0 }, /^idleTimeoutMinutes must be more than 0 and at most 1440\.$/],
    [{ idleTimeoutMinutes: 1441 }, /^idleTimeoutMinutes must be/],
    [{ maxSessionAgeHours: 577 }, /^maxSessionAgeHours must be more than 0 and at most 576\.$/],
    [{ idleWarningSeconds: 3601 }, /^idleWarningSeconds must be more than 0 and at most 3600\.$/],
    [{ maxRefreshesPerMinute: 1 }, /^maxRefreshesPerMinute must be more than 1 and at most 60\.$/],
    [{ maxRefreshesPerMinute: 61 }, /^maxRefreshesPerMinute must be/],
    [{ challengeTimeoutSeconds: Number.NaN }, /^challengeTimeoutSeconds must be/],
    [{ requestTimeoutSeconds: 121 }, /^requestTimeoutSeconds must be more than 0 and at most 120\.$/],
  ])('%o', (extra, message) => {
    refused({ ...base, ...extra }, message);
  });
});

describe('resolveConfig accepts', () => {
  it('each bound at its edge, in the unit the option names', () => {
    const config = resolved({
      refreshLeadSeconds: 0,
      idleTimeoutMinutes: 1440,
      maxSessionAgeHours: 576,
      idleWarningSeconds: 3600,
      maxRefreshesPerMinute: 60,
      challengeTimeoutSeconds: 86_400,
      requestTimeoutSeconds: 120,
    });
    expect(config).toMatchObject({
      refreshLeadMs: 0,
      idleTimeoutMs: 1440 * 60_000,
      maxSessionAgeMs: 576 * 3_600_000,
      idleWarningMs: 3_600_000,
      maxRefreshesPerMinute: 60,
      challengeTimeoutMs: 86_400_000,
      requestTimeoutMs: 120_000,
      lockTimeoutMs: 245_000,
    });
  });

  it('a TOTP issuer name, and each refresh API by name', () => {
    expect(resolved({ totpIssuer: 'Example Bank' }).totpIssuer).toBe('Example Bank');
    for (const refreshApi of ['auto', 'getTokensFromRefreshToken', 'initiateAuth'] as const) {
      expect(resolved({ refreshApi }).refreshApi).toBe(refreshApi);
    }
  });

  it('the defaults', () => {
    expect(resolved({})).toMatchObject({
      challengeTimeoutMs: 180_000,
      idleTimeoutMs: null,
      maxSessionAgeMs: null,
      idleWarningMs: 60_000,
      maxRefreshesPerMinute: 4,
      requestTimeoutMs: 10_000,
      refreshApi: 'auto',
      authFlow: 'USER_SRP_AUTH',
      totpIssuer: 'authchart',
    });
  });

  it('small values in their units', () => {
    expect(resolved({ idleTimeoutMinutes: 2, maxSessionAgeHours: 1.5, idleWarningSeconds: 30, challengeTimeoutSeconds: 90 })).toMatchObject({
      idleTimeoutMs: 120_000,
      maxSessionAgeMs: 5_400_000,
      idleWarningMs: 30_000,
      challengeTimeoutMs: 90_000,
    });
  });

  it('http and https endpoints; an endpoint with trailing slashes gives one issuer', () => {
    expect(resolved({ endpoint: 'https://cognito.example.com//' }).issuer).toBe('https://cognito.example.com/us-east-1_A');
    expect(resolved({ endpoint: 'http://127.0.0.1:9229' }).issuer).toBe('http://127.0.0.1:9229/us-east-1_A');
    expect(resolved({ issuer: 'https://issuer.example.com/us-east-1_A' }).issuer).toBe('https://issuer.example.com/us-east-1_A');
  });
});
