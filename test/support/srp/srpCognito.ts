// A Cognito that signs in with SRP and custom auth, for what cognito-local lacks. A test fake:
// InitiateAuth and RespondToAuthChallenge shaped as Cognito's API reference describes them.
import { randomUUID } from 'node:crypto';
import { AuthError } from '../../../machines/index.js';
import { FakeCognito } from '../FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../fakeTokens.js';
import { SrpVerifier } from './srpVerifier.js';

export interface SrpCognitoOptions {
  /** Issuer of the tokens (with an emulator endpoint: `<endpoint>/<pool>`). */
  issuer?: string;
  /** Whether PASSWORD_VERIFIER comes with a Session (Cognito has done both). */
  sessionWithVerifier?: boolean;
  /** Custom auth: the questions the pool's trigger asks in turn, with their answers. */
  customChallenges?: { question: string; answer: string }[];
}

const notAuthorized = () =>
  new AuthError('invalidCredentials', 'Incorrect username or password.', { cognitoName: 'NotAuthorizedException' });

/** A FakeCognito (every call recorded) whose InitiateAuth and RespondToAuthChallenge run SRP. */
export function srpCognito(verifier: SrpVerifier, options: SrpCognitoOptions = {}): FakeCognito {
  const customSessions = new Map<string, number>();
  const tokens = () => {
    const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), ...(options.issuer ? { issuer: options.issuer } : {}) });
    return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
  };
  /** The next custom challenge, or tokens once every question is answered. */
  const customStep = (index: number) => {
    const next = options.customChallenges?.[index];
    if (!next) return tokens();
    const session = randomUUID();
    customSessions.set(session, index);
    return { ChallengeName: 'CUSTOM_CHALLENGE' as const, Session: session, ChallengeParameters: { question: next.question } };
  };
  const verifierSessions = new Map<string, string>();

  return new FakeCognito()
    .on('InitiateAuth', async (input) => {
      const parameters = input.AuthParameters ?? {};
      const username = parameters['USERNAME'] ?? '';
      const custom = input.AuthFlow === 'CUSTOM_AUTH';
      if (input.AuthFlow !== 'USER_SRP_AUTH' && !custom) {
        throw new AuthError('authFlowNotEnabled', `${input.AuthFlow} flow not enabled for this client`, {
          cognitoName: 'InvalidParameterException',
        });
      }
      if (custom && parameters['CHALLENGE_NAME'] !== 'SRP_A') return customStep(0);
      const { session, parameters: challengeParameters } = await verifier.begin(username, parameters['SRP_A'] ?? '');
      // Without a Session on the wire, the server still knows which proof it waits for.
      verifierSessions.set(challengeParameters['USER_ID_FOR_SRP']!, session);
      return {
        ChallengeName: 'PASSWORD_VERIFIER' as const,
        ChallengeParameters: challengeParameters,
        ...(options.sessionWithVerifier === false ? {} : { Session: session }),
      };
    })
    .on('RespondToAuthChallenge', async (input) => {
      const responses = input.ChallengeResponses ?? {};
      if (input.ChallengeName === 'PASSWORD_VERIFIER') {
        if (options.sessionWithVerifier === false && input.Session !== undefined) {
          throw new AuthError('invalidRequest', 'A Session was sent that Cognito did not issue.', { cognitoName: 'InvalidParameterException' });
        }
        const session = input.Session ?? verifierSessions.get(responses['USERNAME'] ?? '');
        await verifier.verify(session, responses);
        return options.customChallenges ? customStep(0) : tokens();
      }
      if (input.ChallengeName === 'CUSTOM_CHALLENGE') {
        const index = input.Session ? customSessions.get(input.Session) : undefined;
        if (index === undefined) throw notAuthorized();
        customSessions.delete(input.Session!);
        if (responses['ANSWER'] !== options.customChallenges![index]!.answer) throw notAuthorized();
        return customStep(index + 1);
      }
      throw new AuthError('invalidRequest', `${input.ChallengeName} is not scripted`, { cognitoName: 'InvalidParameterException' });
    });
}

