import { fromPromise } from 'xstate';
import { AuthError, toAuthError } from '../AuthError.js';
import type { AuthMachineInput, RefreshApi } from '../authMachine.types.js';
import type { Session } from '../tokens/Session.js';
import { toSignInResult } from './signInResult.js';

export type RefreshInput = AuthMachineInput & { session: Session; refreshApi: RefreshApi };

export interface RefreshOutput {
  session: Session;
  /** The operation that worked, so `auto` asks only once per actor. */
  refreshApi: Exclude<RefreshApi, 'auto'>;
}

/**
 * New tokens from the refresh token. GetTokensFromRefreshToken works whether or not the app
 * client rotates refresh tokens (and is required when it does); a rotated refresh token comes
 * back with the tokens. Where the service lacks it (cognito-local), `auto` falls back to
 * InitiateAuth REFRESH_TOKEN_AUTH, which keeps the refresh token.
 */
export const refreshSession = fromPromise<RefreshOutput, RefreshInput>(async ({ input, signal }) => {
  const { config, ports, session, refreshApi } = input;
  const toSession = (output: Parameters<typeof toSignInResult>[0], sentAt: number) => {
    const result = toSignInResult(output, session.idClaims.sub, config, sentAt, session.tokens.refreshToken);
    if (!result.session) throw new AuthError('unsupportedChallenge', 'The user pool asked for a challenge during refresh.');
    return result.session;
  };
  if (refreshApi !== 'initiateAuth') {
    try {
      const sentAt = ports.clock.now();
      const output = await ports.transport.call(
        'GetTokensFromRefreshToken',
        { RefreshToken: session.tokens.refreshToken, ClientId: config.clientId },
        { signal },
      );
      return { session: toSession(output, sentAt), refreshApi: 'getTokensFromRefreshToken' };
    } catch (error) {
      if (refreshApi !== 'auto' || toAuthError(error).code !== 'unsupportedOperation') throw error;
    }
  }
  const sentAt = ports.clock.now();
  const output = await ports.transport.call(
    'InitiateAuth',
    { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.clientId, AuthParameters: { REFRESH_TOKEN: session.tokens.refreshToken } },
    { signal },
  );
  return { session: toSession(output, sentAt), refreshApi: 'initiateAuth' };
});
