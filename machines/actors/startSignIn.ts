import { fromPromise } from 'xstate';
import type { AuthMachineInput, Credentials, SignInResult } from '../AuthContext.js';
import { startSrp } from '../srp/startSrp.js';
import { requirePassword, requireText } from '../validateInput.js';
import { answerPasswordVerifier } from './answerPasswordVerifier.js';
import { choicePort } from './choiceActors.js';
import { onDevice, toSignInResult } from './signInResult.js';
import { withoutUnknownDevice } from './withoutUnknownDevice.js';

export type SignInInput = AuthMachineInput & Credentials;

/**
 * The first sign-in step, by this sign-in's flow (the configured `authFlow` unless the call names
 * one): InitiateAuth, and with SRP the proof of the password too (PASSWORD_VERIFIER needs nothing
 * from the user). Ends with tokens, or the challenge the user answers next.
 */
export const startSignIn = fromPromise<SignInResult, SignInInput>(async ({ input, signal }) => {
  const { config, ports } = input;
  const flow = input.preferredChallenge ? 'USER_AUTH' : (input.authFlow ?? config.authFlow);
  const username = requireText(input.username, 'a username');
  if (flow === 'USER_AUTH') {
    return choicePort(ports).start({ config, ports, username, preferred: input.preferredChallenge, password: input.password, choices: [], signal });
  }
  // Custom auth without SRP leaves the proof to the pool's triggers: no password.
  const password = flow === 'CUSTOM_WITHOUT_SRP' ? '' : requirePassword(input.password);
  const srp = flow === 'USER_SRP_AUTH' || flow === 'CUSTOM_WITH_SRP' ? startSrp() : null;
  const parameters: Record<string, string> = { USERNAME: username };
  if (flow === 'USER_PASSWORD_AUTH') parameters['PASSWORD'] = password;
  if (srp) parameters['SRP_A'] = srp.A.toString(16);
  // Custom auth starts with the SRP proof when asked to (Cognito's CHALLENGE_NAME=SRP_A).
  if (flow === 'CUSTOM_WITH_SRP') parameters['CHALLENGE_NAME'] = 'SRP_A';
  // A device remembered here for this name: the pool may then ask it to prove itself (and skip MFA).
  const remembered = ports.devices?.deviceKeyFor({ config, ports, username }) ?? null;
  const sentAt = ports.clock.now();
  const { answer: output, deviceKey } = await withoutUnknownDevice({ config, ports, username }, remembered, (deviceKey) =>
    ports.transport.call(
      'InitiateAuth',
      {
        AuthFlow: flow === 'USER_SRP_AUTH' || flow === 'USER_PASSWORD_AUTH' ? flow : 'CUSTOM_AUTH',
        ClientId: config.clientId,
        AuthParameters: deviceKey ? { ...parameters, DEVICE_KEY: deviceKey } : parameters,
      },
      { signal },
    ),
  );
  if (!srp || output.ChallengeName !== 'PASSWORD_VERIFIER') return onDevice(toSignInResult(output, username, config, sentAt), deviceKey);
  return answerPasswordVerifier({ config, ports, verifier: output, secret: srp, password, username, deviceKey, signal });
});
