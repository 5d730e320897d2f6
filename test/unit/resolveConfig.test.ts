import { describe, expect, it } from 'vitest';
import { AuthError, resolveConfig } from '../../machines/index.js';

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
