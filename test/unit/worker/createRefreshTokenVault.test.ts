import { describe, expect, it } from 'vitest';
import type { CognitoTransport } from '../../../machines/index.js';
import { createRefreshTokenVault } from '../../../machines/worker/refreshTokenVault.js';

// The vault's own bookkeeping: handles out, real refresh tokens in, for the operations that take
// them. The worker tier end to end is in refreshTokenVault.test.ts.

/** A transport that records requests and answers each operation with `answers[operation]`. */
function recording(answers: Record<string, unknown> = {}) {
  const calls: { operation: string; input: unknown; signal: AbortSignal | undefined }[] = [];
  const transport: CognitoTransport = {
    call: async (operation, input, options) => {
      calls.push({ operation, input, signal: options?.signal });
      return (answers[operation] ?? {}) as never;
    },
  };
  return { transport, calls };
}

describe('the refresh-token vault', () => {
  const rotation = { AuthenticationResult: { IdToken: 'i', AccessToken: 'a', RefreshToken: 'real-refresh-token' } };

  it('swaps the handle back for GetTokensFromRefreshToken and RevokeToken, and only there', async () => {
    const cognito = recording({ InitiateAuth: rotation });
    const vault = createRefreshTokenVault(cognito.transport, () => 'one');
    const signedIn = (await vault.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } })) as typeof rotation;
    expect(signedIn.AuthenticationResult.RefreshToken).toBe('vault:one');

    await vault.call('GetTokensFromRefreshToken', { RefreshToken: 'vault:one', ClientId: 'c' });
    await vault.call('GetUser', { AccessToken: 'a' });
    await vault.call('RevokeToken', { Token: 'vault:one', ClientId: 'c' });
    expect(cognito.calls.slice(1).map(({ operation, input }) => ({ operation, input }))).toStrictEqual([
      { operation: 'GetTokensFromRefreshToken', input: { RefreshToken: 'real-refresh-token', ClientId: 'c' } },
      { operation: 'GetUser', input: { AccessToken: 'a' } },
      { operation: 'RevokeToken', input: { Token: 'real-refresh-token', ClientId: 'c' } },
    ]);
  });

  it('passes a token that is not a handle through as it is', async () => {
    const cognito = recording();
    const vault = createRefreshTokenVault(cognito.transport, () => 'one');
    await vault.call('GetTokensFromRefreshToken', { RefreshToken: 'plain-token', ClientId: 'c' });
    await vault.call('RevokeToken', { Token: 'vault:unknown', ClientId: 'c' });
    expect(cognito.calls.map(({ input }) => input)).toStrictEqual([
      { RefreshToken: 'plain-token', ClientId: 'c' },
      { Token: 'vault:unknown', ClientId: 'c' },
    ]);
  });
});

