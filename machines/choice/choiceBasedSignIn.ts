import { answerPasswordVerifier } from '../actors/answerPasswordVerifier.js';
import { challengeResponses, onDevice, toSignInResult } from '../actors/signInResult.js';
import { withoutUnknownDevice } from '../actors/withoutUnknownDevice.js';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import { FIRST_FACTORS, needsPassword, type FirstFactor } from '../challenges/Challenge.js';
import type { ChallengeNameType, InitiateAuthResponse } from '../cognito/cognitoWire.js';
import { startSrp, type SrpSecret } from '../srp/startSrp.js';
import { requirePassword } from '../validateInput.js';
import type { AnswerWithPasskeyInput, ChoiceBasedSignInPort, ChooseFirstFactorInput, FirstFactorRequest } from './ChoiceBasedSignInPort.js';

// Choice-based sign-in (USER_AUTH): Cognito offers the ways in the pool allows for this user
// (SELECT_CHALLENGE with AvailableChallenges), or goes straight to the one asked for
// (PREFERRED_CHALLENGE). https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html

interface FactorParameters {
  parameters: Record<string, string>;
  srp: { secret: SrpSecret; password: string } | null;
}

/** The first factor's own parameters: the password, or the SRP proof's start. */
function factorParameters(factor: FirstFactor | undefined, password: string | undefined): FactorParameters {
  if (factor === 'PASSWORD') return { parameters: { PASSWORD: requirePassword(password) }, srp: null };
  if (factor !== 'PASSWORD_SRP') return { parameters: {}, srp: null };
  const checked = requirePassword(password);
  const srp = startSrp();
  return { parameters: { SRP_A: srp.A.toString(16) }, srp: { secret: srp, password: checked } };
}

/** The offered ways in that authchart and this browser can take: passkeys only with a passkey port. */
function usableChoices(offered: ChallengeNameType[] | undefined, input: AuthMachineInput): FirstFactor[] {
  const choices = FIRST_FACTORS.filter((factor) => offered?.includes(factor) && (factor !== 'WEB_AUTHN' || input.ports.passkeys));
  if (choices.length > 0) return choices;
  throw new AuthError('passkeyUnavailable', 'None of the ways to sign in that this account allows can be used in this browser.');
}

/** A first-factor request's answer, and the remembered device the sign-in named (DEVICE_KEY). */
interface FirstFactorAnswer {
  output: Pick<InitiateAuthResponse, 'AuthenticationResult' | 'ChallengeName' | 'ChallengeParameters' | 'Session' | 'AvailableChallenges'>;
  deviceKey: string | null | undefined;
  sentAt: number;
}

/**
 * What Cognito answered to a first-factor request: tokens (a password with no MFA), the choice,
 * the chosen code or passkey (a first-factor step, with the way back), or, after a password,
 * an MFA challenge like any other.
 */
async function firstFactorResult(
  request: FirstFactorRequest,
  factor: FirstFactor | undefined,
  { output, deviceKey, sentAt }: FirstFactorAnswer,
  srp: FactorParameters['srp'],
): Promise<SignInResult> {
  const { config, ports, username, signal } = request;
  if (srp && output.ChallengeName === 'PASSWORD_VERIFIER') {
    return answerPasswordVerifier({ config, ports, verifier: output, secret: srp.secret, password: srp.password, username, deviceKey, signal });
  }
  const result = onDevice(toSignInResult(output, username, config, sentAt), deviceKey);
  if (!result.challenge) return result;
  if (result.challenge.kind === 'selectChallenge') {
    return { challenge: { ...result.challenge, firstFactor: { choices: usableChoices(output.AvailableChallenges, request) } } };
  }
  // After a password, what comes is MFA; after a code or passkey asked for, it is that factor.
  const proven = factor === undefined || needsPassword(factor);
  return proven ? result : { challenge: { ...result.challenge, firstFactor: { choices: request.choices } } };
}

/** InitiateAuth USER_AUTH: the choice, or straight to the preferred way in. */
async function start(request: FirstFactorRequest): Promise<SignInResult> {
  const { config, ports, username, preferred, signal } = request;
  if (preferred === 'WEB_AUTHN' && !ports.passkeys) {
    throw new AuthError('passkeyUnavailable', 'This browser cannot use passkeys; choose another way to sign in.');
  }
  const { parameters, srp } = factorParameters(preferred, request.password);
  // A device remembered here goes with the request, as with the other flows.
  const remembered = ports.devices?.deviceKeyFor({ config, ports, username }) ?? null;
  const sentAt = ports.clock.now();
  const { answer: output, deviceKey } = await withoutUnknownDevice({ config, ports, username }, remembered, (deviceKey) =>
    ports.transport.call(
      'InitiateAuth',
      {
        AuthFlow: 'USER_AUTH',
        ClientId: config.clientId,
        AuthParameters: {
          USERNAME: username,
          ...(preferred ? { PREFERRED_CHALLENGE: preferred } : {}),
          ...parameters,
          ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}),
        },
      },
      { signal },
    ),
  );
  return firstFactorResult(request, preferred, { output, deviceKey, sentAt }, srp);
}

/**
 * The user's choice (or a new code for the same one): answers SELECT_CHALLENGE while its session
 * is unused; after that (back from a cancelled passkey, a resend) starts again with the choice
 * as the preferred way in, which Cognito answers the same way.
 */
async function choose(input: ChooseFirstFactorInput, signal: AbortSignal): Promise<SignInResult> {
  const { config, ports, challenge, choice } = input;
  const choices = challenge.firstFactor?.choices ?? [];
  if (!FIRST_FACTORS.includes(choice) || (choices.length > 0 && !choices.includes(choice))) {
    throw new AuthError('invalidRequest', 'Choose one of the ways to sign in offered.');
  }
  const request = { config, ports, username: challenge.username, preferred: choice, password: input.password, choices, signal };
  if (challenge.kind !== 'selectChallenge' || challenge.challengeSession === '') return start(request);

  const { parameters, srp } = factorParameters(choice, input.password);
  const sentAt = ports.clock.now();
  const output = await ports.transport
    .call(
      'RespondToAuthChallenge',
      {
        ClientId: config.clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: challenge.challengeSession,
        ChallengeResponses: challengeResponses(challenge, { ANSWER: choice, ...parameters }),
      },
      { signal },
    )
    .catch((error: unknown) => {
      // A refusal is about the password only when the password was the choice; otherwise the
      // choice's session has run out (mapCognitoError cannot see the ANSWER).
      if (error instanceof AuthError && error.code === 'invalidCredentials' && !needsPassword(choice)) {
        throw new AuthError('challengeExpired', 'This sign-in step took too long; please sign in again.', { cause: error });
      }
      throw error;
    });
  return firstFactorResult(request, choice, { output, deviceKey: challenge.deviceKey, sentAt }, srp);
}

/**
 * A passkey asked for directly did not sign in (dismissed, none on this device, refused): Cognito
 * is asked again without a preference, for the other ways in this user has.
 */
function offerChoice(input: AuthMachineInput & { username: string }, signal: AbortSignal): Promise<SignInResult> {
  return start({ ...input, preferred: undefined, password: undefined, choices: [], signal });
}

/** WEB_AUTHN: the browser signs Cognito's challenge with a passkey, and Cognito checks it. */
async function answerWithPasskey(input: AnswerWithPasskeyInput, signal: AbortSignal): Promise<SignInResult> {
  const { config, ports, challenge } = input;
  const requestOptions = challenge.parameters['CREDENTIAL_REQUEST_OPTIONS'];
  if (!requestOptions) throw new AuthError('invalidResponse', 'The user pool asked for a passkey without saying which.');
  if (!ports.passkeys) throw new AuthError('passkeyUnavailable', 'This browser cannot use passkeys; choose another way to sign in.');
  const credential = await ports.passkeys.authenticate(requestOptions, signal);
  const sentAt = ports.clock.now();
  const output = await ports.transport.call(
    'RespondToAuthChallenge',
    {
      ClientId: config.clientId,
      ChallengeName: 'WEB_AUTHN',
      Session: challenge.challengeSession,
      ChallengeResponses: challengeResponses(challenge, { CREDENTIAL: credential }),
    },
    { signal },
  );
  return onDevice(toSignInResult(output, challenge.username, config, sentAt), challenge.deviceKey);
}

/**
 * Choice-based sign-in for `createAuth({ authFlow: 'USER_AUTH', choice: choiceBasedSignIn() })`:
 * the requests of the chart's choice states, in an entry of their own (`authchart/choice`) so that
 * apps that never sign in this way do not carry them. Passkeys need `createAuth`'s `passkeys` too.
 */
export function choiceBasedSignIn(): ChoiceBasedSignInPort {
  return { start, choose, offerChoice, answerWithPasskey };
}
