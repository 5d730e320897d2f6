import { fromPromise } from 'xstate';
import type { AuthMachineInput } from '../authMachine.types.js';
import { createSession } from '../tokens/createSession.js';
import type { Session } from '../tokens/Session.js';

export type RefreshInput = AuthMachineInput & { session: Session };

/**
 * InitiateAuth with REFRESH_TOKEN_AUTH. Cognito returns new ID and access tokens and, unless
 * rotation is on, no refresh token: the old one is kept.
 */
export const refreshSession = fromPromise<Session, RefreshInput>(async ({ input, signal }) => {
  const { config, ports, session } = input;
  const output = await ports.transport.call(
    'InitiateAuth',
    {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: config.clientId,
      AuthParameters: { REFRESH_TOKEN: session.tokens.refreshToken },
    },
    { signal },
  );
  const result = output.AuthenticationResult;
  return createSession(
    {
      idToken: result?.IdToken ?? '',
      accessToken: result?.AccessToken ?? '',
      refreshToken: result?.RefreshToken ?? session.tokens.refreshToken,
    },
    config,
    ports.clock.now(),
  );
});
