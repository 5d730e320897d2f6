import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput } from '../authMachine.types.js';
import type { Session } from '../tokens/Session.js';
import { toSignInResult } from './signInResult.js';

export type RefreshInput = AuthMachineInput & { session: Session };

/**
 * InitiateAuth with REFRESH_TOKEN_AUTH. Cognito returns new ID and access tokens and, unless
 * rotation is on, no refresh token: the old one is kept.
 */
export const refreshSession = fromPromise<Session, RefreshInput>(async ({ input, signal }) => {
  const { config, ports, session } = input;
  const output = await ports.transport.call(
    'InitiateAuth',
    { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.clientId, AuthParameters: { REFRESH_TOKEN: session.tokens.refreshToken } },
    { signal },
  );
  const result = toSignInResult(output, session.idClaims.sub, config, ports.clock.now(), session.tokens.refreshToken);
  if (!result.session) throw new AuthError('unsupportedChallenge', 'The user pool asked for a challenge during refresh.');
  return result.session;
});
