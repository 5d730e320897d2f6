import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput, Credentials } from '../authMachine.types.js';
import { createSession } from '../tokens/createSession.js';
import type { Session } from '../tokens/Session.js';

export type SignInInput = AuthMachineInput & Credentials;

/** InitiateAuth with USER_PASSWORD_AUTH; the tokens are validated before they count. */
export const signInWithPassword = fromPromise<Session, SignInInput>(async ({ input, signal }) => {
  const { config, ports, username, password } = input;
  if (username.trim() === '' || password === '') {
    throw new AuthError('invalidRequest', 'Enter a username and a password.');
  }
  const output = await ports.transport.call(
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.clientId,
      AuthParameters: { USERNAME: username.trim(), PASSWORD: password },
    },
    { signal },
  );
  const result = output.AuthenticationResult;
  if (!result) {
    // Challenges (new password, MFA) arrive with the account flows; until then, say so plainly.
    throw new AuthError('unsupportedOperation', `Sign-in needs a step authchart does not handle yet (${output.ChallengeName ?? 'unknown challenge'}).`, {
      operation: 'InitiateAuth',
    });
  }
  return createSession(
    {
      idToken: result.IdToken ?? '',
      accessToken: result.AccessToken ?? '',
      refreshToken: result.RefreshToken ?? '',
    },
    config,
    ports.clock.now(),
  );
});
