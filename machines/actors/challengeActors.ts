import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import type { Challenge } from '../challenges/Challenge.js';
import { requireMfaCode, requirePassword } from '../validateInput.js';
import { challengeResponses, onDevice, toSignInResult } from './signInResult.js';
import { totpUri } from './totpUri.js';

const MFA_TYPES = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);

/** Checks each answer by its Cognito response key (and the challenge's kind) before anything is sent. */
function checkedResponses(challenge: Challenge, responses: Record<string, string>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (key === 'NEW_PASSWORD') checked[key] = requirePassword(value, 'a new password');
    else if (key.endsWith('_CODE')) checked[key] = requireMfaCode(value);
    // A custom challenge's answer is whatever the pool's trigger expects, taken as typed.
    else if (key === 'ANSWER' && challenge.kind === 'custom') checked[key] = requirePassword(value, 'an answer');
    else if (key === 'ANSWER' && !MFA_TYPES.has(value)) throw new AuthError('invalidRequest', 'Choose an MFA method.');
    else checked[key] = value;
  }
  return checked;
}

export type ChallengeInput = AuthMachineInput & { challenge: Challenge; responses: Record<string, string> };

/** RespondToAuthChallenge: the answer (new password, code, MFA choice) for the challenge in hand. */
export const respondToChallenge = fromPromise<SignInResult, ChallengeInput>(async ({ input, signal }) => {
  const { config, ports, challenge } = input;
  const sentAt = ports.clock.now();
  const output = await ports.transport.call(
    'RespondToAuthChallenge',
    {
      ClientId: config.clientId,
      ChallengeName: challenge.name as never,
      Session: challenge.challengeSession,
      ChallengeResponses: challengeResponses(challenge, checkedResponses(challenge, input.responses)),
    },
    { signal },
  );
  return onDevice(toSignInResult(output, challenge.username, config, sentAt), challenge.deviceKey);
});

/** MFA_SETUP, first step: a TOTP secret for this sign-in's session. */
export const associateChallengeTotp = fromPromise<Challenge, AuthMachineInput & { challenge: Challenge }>(
  async ({ input, signal }) => {
    const { config, ports, challenge } = input;
    const output = await ports.transport.call('AssociateSoftwareToken', { Session: challenge.challengeSession }, { signal });
    if (!output.SecretCode) throw new AuthError('unknown', 'The user pool returned no TOTP secret.');
    return {
      ...challenge,
      // Each step returns a new one-use session.
      challengeSession: output.Session ?? challenge.challengeSession,
      totpSetup: { secretCode: output.SecretCode, otpauthUri: totpUri(config.totpIssuer, challenge.username, output.SecretCode) },
    };
  },
);

/** MFA_SETUP, second step: verify a code from the app, then answer the challenge to get tokens. */
export const verifyChallengeTotp = fromPromise<SignInResult, AuthMachineInput & { challenge: Challenge; code: string }>(
  async ({ input, signal }) => {
    const { config, ports, challenge } = input;
    const code = requireMfaCode(input.code);
    const verified = await ports.transport.call(
      'VerifySoftwareToken',
      { Session: challenge.challengeSession, UserCode: code, FriendlyDeviceName: config.totpIssuer },
      { signal },
    );
    if (verified.Status !== 'SUCCESS') throw new AuthError('codeMismatch', 'That code is not right; check it and try again.');
    const sentAt = ports.clock.now();
    const output = await ports.transport.call(
      'RespondToAuthChallenge',
      {
        ClientId: config.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session ?? challenge.challengeSession,
        ChallengeResponses: challengeResponses(challenge, {}),
      },
      { signal },
    );
    return onDevice(toSignInResult(output, challenge.username, config, sentAt), challenge.deviceKey);
  },
);
