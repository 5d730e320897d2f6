import { fromPromise } from 'xstate';
import type { AuthMachineInput, Credentials, SignInResult } from '../AuthContext.js';
import { requirePassword, requireText } from '../validateInput.js';
import { toSignInResult } from './signInResult.js';

export type SignInInput = AuthMachineInput & Credentials;

/** InitiateAuth with USER_PASSWORD_AUTH: tokens (validated) or the first challenge. */
export const signInWithPassword = fromPromise<SignInResult, SignInInput>(async ({ input, signal }) => {
  const { config, ports } = input;
  const username = requireText(input.username, 'a username');
  const password = requirePassword(input.password);
  const sentAt = ports.clock.now();
  const output = await ports.transport.call(
    'InitiateAuth',
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } },
    { signal },
  );
  return toSignInResult(output, username, config, sentAt);
});
