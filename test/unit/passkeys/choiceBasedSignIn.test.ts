import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, selectFirstFactorChoices, type Auth, type AuthConfig, type PasskeyPort } from '../../../machines/index.js';
import type { InitiateAuthResponse } from '../../../machines/cognito/cognitoWire.js';
import { redactedInspector } from '../../../machines/inspect/index.js';
import { choiceBasedSignIn } from '../../../machines/choice/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { SrpVerifier } from '../../support/srp/srpVerifier.js';

// Choice-based sign-in (USER_AUTH) against a scripted Cognito: what goes over the wire for each
// way in, and where the chart goes after each answer and refusal. The shapes follow
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// and API_RespondToAuthChallenge.html; passkey ceremonies verified for real are in
// test/integration/userAuthFront.test.ts.

const PASSWORD = 'Corr3ct horse, battery staple';
const REQUEST_OPTIONS = JSON.stringify({ challenge: 'Y2hhbGxlbmdl', rpId: 'localhost', allowCredentials: [] });

let auth: Auth | undefined;
afterEach(() => {
  auth?.stop();
  auth = undefined;
});

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

const notAuthorized = () => new AuthError('invalidCredentials', 'Incorrect username or password.', { cognitoName: 'NotAuthorizedException' });

interface PoolOptions {
  offered?: InitiateAuthResponse['AvailableChallenges'];
  /** After the password: an MFA challenge instead of tokens. */
  mfaAfterPassword?: boolean;
}

/**
 * A USER_AUTH pool: SELECT_CHALLENGE without a preference, each way in answered as Cognito does;
 * PASSWORD_SRP proven for real with SrpVerifier. Sessions are numbered so tests can tell them apart.
 */
async function userAuthPool({ offered = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'], mfaAfterPassword = false }: PoolOptions = {}) {
  const verifier = new SrpVerifier(TEST_POOL.userPoolId);
  await verifier.register(['demo'], PASSWORD);
  let sessions = 0;
  const session = () => `session-${++sessions}`;
  const afterPassword = () => (mfaAfterPassword ? { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: session(), ChallengeParameters: {} } : tokens());
  /** The challenge for a way in, as InitiateAuth (preferred) or SELECT_CHALLENGE (chosen) answers it. */
  const factor = async (choice: string | undefined, parameters: Record<string, string>): Promise<InitiateAuthResponse> => {
    switch (choice) {
      case 'PASSWORD':
        if (parameters['PASSWORD'] !== PASSWORD) throw notAuthorized();
        return afterPassword();
      case 'PASSWORD_SRP': {
        const begun = await verifier.begin('demo', parameters['SRP_A'] ?? '');
        return { ChallengeName: 'PASSWORD_VERIFIER' as const, Session: begun.session, ChallengeParameters: begun.parameters };
      }
      case 'EMAIL_OTP':
        return {
          ChallengeName: 'EMAIL_OTP' as const,
          Session: session(),
          ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' },
        };
      case 'WEB_AUTHN':
        return { ChallengeName: 'WEB_AUTHN' as const, Session: session(), ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: REQUEST_OPTIONS } };
      default:
        return { ChallengeName: 'SELECT_CHALLENGE' as const, Session: session(), ChallengeParameters: {}, AvailableChallenges: offered };
    }
  };
  return new FakeCognito()
    .on('InitiateAuth', (input) => factor(input.AuthParameters?.['PREFERRED_CHALLENGE'], input.AuthParameters ?? {}))
    .on('RespondToAuthChallenge', async (input) => {
      const responses = input.ChallengeResponses ?? {};
      switch (input.ChallengeName) {
        case 'SELECT_CHALLENGE':
          return factor(responses['ANSWER'], responses);
        case 'PASSWORD_VERIFIER':
          await verifier.verify(input.Session, responses);
          return afterPassword();
        case 'EMAIL_OTP':
          if (responses['EMAIL_OTP_CODE'] !== '12345678') throw new AuthError('codeMismatch', 'Invalid code.', { cognitoName: 'CodeMismatchException' });
          return tokens();
        case 'WEB_AUTHN':
          if (responses['CREDENTIAL'] !== '{"id":"passkey"}') {
            throw new AuthError('passkeyRefused', 'Invalid credential.', { cognitoName: 'NotAuthorizedException' });
          }
          return tokens();
        default:
          return tokens();
      }
    });
}

/** A passkey port that signs whatever it is asked to, or refuses as told; it records its calls. */
function passkeysThat(answer: () => Promise<string> = async () => '{"id":"passkey"}') {
  const asked: { options: string; signal: AbortSignal }[] = [];
  const port: PasskeyPort = {
    authenticate: (options, signal) => {
      asked.push({ options, signal });
      return answer();
    },
    register: async () => {
      throw new Error('not in these tests');
    },
  };
  return { port, asked };
}

function start(transport: FakeCognito, config: Partial<AuthConfig> = {}): Auth {
  auth = createAuth({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    wake: null,
    authFlow: 'USER_AUTH',
    choice: choiceBasedSignIn(),
    transport,
    ...config,
  });
  return auth;
}

const stateOf = (signingIn: Auth) => signingIn.actor.getSnapshot().value;
const choicesOf = (signingIn: Auth) => selectFirstFactorChoices(signingIn.actor.getSnapshot());

describe('choice-based sign-in (USER_AUTH)', () => {
  it('asks for the choice without a password, offering only what this browser can use, in a fixed order', async () => {
    const cognito = await userAuthPool({ offered: ['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD', 'SMS_OTP', 'DEVICE_SRP_AUTH', 'PASSWORD_SRP'] });
    const signingIn = start(cognito);
    expect(await signingIn.signIn({ username: ' demo ' })).toBe('selectChallenge');
    expect(cognito.calls[0]!.input).toEqual({ AuthFlow: 'USER_AUTH', ClientId: TEST_POOL.clientId, AuthParameters: { USERNAME: 'demo' } });
    // No passkey port: WEB_AUTHN is not offered; names authchart does not take are dropped.
    expect(choicesOf(signingIn)).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'SMS_OTP']);
  });

  it('offers passkeys when the app gives a passkey port', async () => {
    const signingIn = start(await userAuthPool(), { passkeys: passkeysThat().port });
    await signingIn.signIn({ username: 'demo' });
    expect(choicesOf(signingIn)).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
  });

  it('refuses a sign-in whose only way in this browser cannot take, as passkeyUnavailable', async () => {
    const signingIn = start(await userAuthPool({ offered: ['WEB_AUTHN'] }));
    await expect(signingIn.signIn({ username: 'demo' })).rejects.toMatchObject({ code: 'passkeyUnavailable', message: expect.stringMatching(/None of the ways/) });
    expect(stateOf(signingIn)).toEqual({ signedOut: 'idle' });
  });

  it('refuses a choice that lists no ways in at all (no AvailableChallenges) as passkeyUnavailable', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({ ChallengeName: 'SELECT_CHALLENGE', Session: 'session-1', ChallengeParameters: {} }));
    const signingIn = start(cognito);
    await expect(signingIn.signIn({ username: 'demo' })).rejects.toMatchObject({ code: 'passkeyUnavailable' });
    expect(stateOf(signingIn)).toEqual({ signedOut: 'idle' });
  });

  it('offers the choice when the pool will not take the preferred SRP proof, without sending the proof on', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'session-1',
      ChallengeParameters: {},
      AvailableChallenges: ['EMAIL_OTP'],
    }));
    const signingIn = start(cognito);
    expect(await signingIn.signIn({ username: 'demo', preferredChallenge: 'PASSWORD_SRP', password: PASSWORD })).toBe('selectChallenge');
    expect(choicesOf(signingIn)).toEqual(['EMAIL_OTP']);
    expect(cognito.calls).toHaveLength(1);
  });

  it("treats a code the pool asks for on its own, with no way in preferred, as the pool's step: no way back to a choice", async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'EMAIL_OTP',
      Session: 'session-1',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' },
    }));
    const signingIn = start(cognito);
    expect(await signingIn.signIn({ username: 'demo' })).toBe('mfaCode');
    expect(signingIn.actor.getSnapshot().context.challenge?.firstFactor).toBeNull();
    await expect(signingIn.chooseAgain()).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(cognito.calls).toHaveLength(1);
  });

  it('answers the choice with a code by email, then the code', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    expect(await signingIn.selectChallenge('EMAIL_OTP')).toBe('mfaCode');
    expect(cognito.calls[1]!.input).toEqual({
      ClientId: TEST_POOL.clientId,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'demo', ANSWER: 'EMAIL_OTP' },
    });
    expect(signingIn.actor.getSnapshot().context.challenge?.parameters).toMatchObject({ CODE_DELIVERY_DESTINATION: 'd***@e***' });
    await expect(signingIn.submitMfaCode('00000000')).rejects.toMatchObject({ code: 'codeMismatch' });
    expect(await signingIn.submitMfaCode('12345678')).toBe('signedIn');
    expect(cognito.calls.at(-1)!.input).toMatchObject({ ChallengeName: 'EMAIL_OTP', Session: 'session-2', ChallengeResponses: { USERNAME: 'demo', EMAIL_OTP_CODE: '12345678' } });
  });

  it('sends a new code by starting again with the same way in, and answers with the new session', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await signingIn.selectChallenge('EMAIL_OTP');
    expect(await signingIn.resendCode()).toBe('mfaCode');
    expect(cognito.calls[2]!.input).toEqual({
      AuthFlow: 'USER_AUTH',
      ClientId: TEST_POOL.clientId,
      AuthParameters: { USERNAME: 'demo', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    // The way back to the choice is kept across the resend.
    expect(choicesOf(signingIn)).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP']);
    await signingIn.submitMfaCode('12345678');
    expect(cognito.calls.at(-1)!.input).toMatchObject({ Session: 'session-3' });
  });

  it('goes back to the choice, and a second choice starts again with it preferred (the first session is spent)', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await signingIn.selectChallenge('EMAIL_OTP');
    expect(await signingIn.chooseAgain()).toBe('selectChallenge');
    expect(cognito.calls).toHaveLength(2);
    expect(await signingIn.selectChallenge('PASSWORD_SRP', PASSWORD)).toBe('signedIn');
    const [initiate, verify] = cognito.calls.slice(2);
    expect(initiate!.input).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'demo', PREFERRED_CHALLENGE: 'PASSWORD_SRP' } });
    expect((initiate!.input as { AuthParameters: Record<string, string> }).AuthParameters['SRP_A']).toMatch(/^[0-9a-f]+$/);
    expect(verify!.input).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });
    expect(JSON.stringify(cognito.calls)).not.toContain(PASSWORD);
  });

  it('answers the choice with the password and signs in; a wrong one ends the sign-in', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('PASSWORD', 'wrong')).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(stateOf(signingIn)).toEqual({ signedOut: 'idle' });
    await signingIn.signIn({ username: 'demo' });
    expect(await signingIn.selectChallenge('PASSWORD', PASSWORD)).toBe('signedIn');
    expect(cognito.calls.at(-1)!.input).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { ANSWER: 'PASSWORD', PASSWORD } });
  });

  it('proves the password with SRP when chosen from a fresh choice, without sending it', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    expect(await signingIn.selectChallenge('PASSWORD_SRP', PASSWORD)).toBe('signedIn');
    expect(cognito.calls.map((call) => (call.input as { ChallengeName?: string }).ChallengeName ?? 'InitiateAuth')).toEqual([
      'InitiateAuth',
      'SELECT_CHALLENGE',
      'PASSWORD_VERIFIER',
    ]);
    expect(JSON.stringify(cognito.calls)).not.toContain(PASSWORD);
  });

  it('keeps the chosen password, the sessions and the tokens out of every inspection event', async () => {
    const seen: string[] = [];
    const cognito = await userAuthPool();
    const signingIn = start(cognito, { inspect: redactedInspector((event) => seen.push(JSON.stringify(event))) });
    await signingIn.signIn({ username: 'demo' });
    await signingIn.selectChallenge('EMAIL_OTP');
    await signingIn.chooseAgain();
    expect(await signingIn.selectChallenge('PASSWORD', PASSWORD)).toBe('signedIn');
    const { idToken } = (await signingIn.getTokens())!;
    const inspected = seen.join('\n');
    expect(inspected).toContain('SELECT_CHALLENGE');
    for (const secret of [PASSWORD, 'session-1', 'session-2', idToken]) expect(inspected).not.toContain(secret);
  });

  it('asks for the password before any request when the choice needs it, and stays at the choice', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('PASSWORD')).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(cognito.calls).toHaveLength(1);
    expect(stateOf(signingIn)).toEqual({ authenticating: 'selectingChallenge' });
  });

  it('refuses a way in that was not offered, without a request', async () => {
    const cognito = await userAuthPool({ offered: ['PASSWORD', 'EMAIL_OTP'] });
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('SMS_OTP')).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringMatching(/offered/) });
    await expect(signingIn.selectChallenge('NOT_A_FACTOR' as never)).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(cognito.calls).toHaveLength(1);
  });

  it('treats a code after the password as MFA: no new code, no way back to the choice', async () => {
    const cognito = await userAuthPool({ mfaAfterPassword: true });
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    expect(await signingIn.selectChallenge('PASSWORD', PASSWORD)).toBe('mfaCode');
    expect(choicesOf(signingIn)).toEqual([]);
    await expect(signingIn.resendCode()).rejects.toMatchObject({ code: 'invalidRequest' });
    await expect(signingIn.chooseAgain()).rejects.toMatchObject({ code: 'invalidRequest' });
  });

  it('goes straight to the preferred way in, whatever the configured flow', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito, { authFlow: 'USER_SRP_AUTH' });
    expect(await signingIn.signIn({ username: 'demo', preferredChallenge: 'PASSWORD', password: PASSWORD })).toBe('signedIn');
    expect(cognito.calls[0]!.input).toEqual({
      AuthFlow: 'USER_AUTH',
      ClientId: TEST_POOL.clientId,
      AuthParameters: { USERNAME: 'demo', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
    });
  });

  it("needs createAuth's choice port: at creation for authFlow USER_AUTH, before any request for one sign-in", async () => {
    const cognito = await userAuthPool();
    expect(() => createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, authFlow: 'USER_AUTH', transport: cognito })).toThrow(
      expect.objectContaining({ code: 'invalidConfig', message: expect.stringContaining('authchart/choice') }),
    );
    const signingIn = start(cognito, { authFlow: 'USER_SRP_AUTH', choice: undefined });
    await expect(signingIn.signIn({ username: 'demo', preferredChallenge: 'EMAIL_OTP' })).rejects.toMatchObject({
      code: 'invalidConfig',
      message: expect.stringContaining('choiceBasedSignIn()'),
    });
    expect(cognito.calls).toEqual([]);
  });

  it('takes USER_AUTH for one sign-in when the call names it', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito, { authFlow: 'USER_SRP_AUTH' });
    expect(await signingIn.signIn({ username: 'demo', authFlow: 'USER_AUTH' })).toBe('selectChallenge');
  });

  it('sends a code asked for directly again, and asks for the ways in when the user wants another', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    expect(await signingIn.signIn({ username: 'demo', preferredChallenge: 'EMAIL_OTP' })).toBe('mfaCode');
    expect(await signingIn.resendCode()).toBe('mfaCode');
    expect(cognito.calls[1]!.input).toMatchObject({ AuthParameters: { PREFERRED_CHALLENGE: 'EMAIL_OTP' } });
    expect(await signingIn.chooseAgain()).toBe('selectChallenge');
    expect(cognito.calls[2]!.input).toEqual({ AuthFlow: 'USER_AUTH', ClientId: TEST_POOL.clientId, AuthParameters: { USERNAME: 'demo' } });
    expect(choicesOf(signingIn)).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP']);
  });
});

describe('choice-based sign-in with a passkey (WEB_AUTHN)', () => {
  it("signs in with the browser's passkey: Cognito's options in, the credential out", async () => {
    const cognito = await userAuthPool();
    const { port, asked } = passkeysThat();
    const signingIn = start(cognito, { passkeys: port });
    expect(await signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' })).toBe('signedIn');
    expect(cognito.calls[0]!.input).toMatchObject({ AuthParameters: { USERNAME: 'demo', PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
    expect(asked.map((call) => call.options)).toEqual([REQUEST_OPTIONS]);
    expect(cognito.calls[1]!.input).toEqual({
      ClientId: TEST_POOL.clientId,
      ChallengeName: 'WEB_AUTHN',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'demo', CREDENTIAL: '{"id":"passkey"}' },
    });
  });

  it('goes back to the choice when the user dismisses the prompt, with the reason, and can choose again', async () => {
    const cognito = await userAuthPool();
    let refuse = true;
    const { port } = passkeysThat(async () => {
      if (refuse) throw new AuthError('passkeyCancelled', 'No passkey was used.');
      return '{"id":"passkey"}';
    });
    const signingIn = start(cognito, { passkeys: port });
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('WEB_AUTHN')).rejects.toMatchObject({ code: 'passkeyCancelled' });
    expect(stateOf(signingIn)).toEqual({ authenticating: 'selectingChallenge' });
    expect(choicesOf(signingIn)).toContain('WEB_AUTHN');
    refuse = false;
    expect(await signingIn.selectChallenge('WEB_AUTHN')).toBe('signedIn');
    expect(cognito.calls.at(-2)!.input).toMatchObject({ AuthFlow: 'USER_AUTH', AuthParameters: { PREFERRED_CHALLENGE: 'WEB_AUTHN' } });
  });

  it('says passkeyRefused when the pool refuses the passkey, and goes back to the choice', async () => {
    const { port } = passkeysThat(async () => '{"id":"removed"}');
    const signingIn = start(await userAuthPool(), { passkeys: port });
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('WEB_AUTHN')).rejects.toMatchObject({ code: 'passkeyRefused' });
    expect(stateOf(signingIn)).toEqual({ authenticating: 'selectingChallenge' });
  });

  it('offers the other ways in when a passkey asked for directly is dismissed, keeping the reason', async () => {
    const { port } = passkeysThat(async () => {
      throw new AuthError('passkeyCancelled', 'No passkey was used.');
    });
    const cognito = await userAuthPool();
    const signingIn = start(cognito, { passkeys: port });
    await expect(signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' })).rejects.toMatchObject({ code: 'passkeyCancelled' });
    expect(stateOf(signingIn)).toEqual({ authenticating: 'selectingChallenge' });
    expect(signingIn.actor.getSnapshot().context.error?.code).toBe('passkeyCancelled');
    expect(cognito.calls.at(-1)!.input).toEqual({ AuthFlow: 'USER_AUTH', ClientId: TEST_POOL.clientId, AuthParameters: { USERNAME: 'demo' } });
    expect(choicesOf(signingIn)).toEqual(['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    expect(await signingIn.selectChallenge('EMAIL_OTP')).toBe('mfaCode');
  });

  it('ends the sign-in, with the passkey\'s reason, when the passkey was the only way in', async () => {
    const { port } = passkeysThat(async () => {
      throw new AuthError('passkeyCancelled', 'No passkey was used.');
    });
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'WEB_AUTHN',
      Session: 'again',
      ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: REQUEST_OPTIONS },
    }));
    const signingIn = start(cognito, { passkeys: port });
    await expect(signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' })).rejects.toMatchObject({ code: 'passkeyCancelled' });
    expect(stateOf(signingIn)).toEqual({ signedOut: 'idle' });
    expect(cognito.calls).toHaveLength(2);
  });

  it('calls a refusal of the choice a spent session, not a wrong password, when no password was chosen', async () => {
    const cognito = (await userAuthPool()).on('RespondToAuthChallenge', () => {
      throw new AuthError('invalidCredentials', 'Invalid session for the user.', { cognitoName: 'NotAuthorizedException' });
    });
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('EMAIL_OTP')).rejects.toMatchObject({ code: 'challengeExpired' });
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('PASSWORD', 'wrong')).rejects.toMatchObject({ code: 'invalidCredentials' });
  });

  it('passes on a refusal of the choice that is not about the session, as it is', async () => {
    const throttled = new AuthError('tooManyRequests', 'Rate exceeded', { cognitoName: 'TooManyRequestsException' });
    const cognito = (await userAuthPool()).on('RespondToAuthChallenge', () => {
      throw throttled;
    });
    const signingIn = start(cognito);
    await signingIn.signIn({ username: 'demo' });
    await expect(signingIn.selectChallenge('EMAIL_OTP')).rejects.toMatchObject({ code: 'tooManyRequests' });
  });

  it('refuses a passkey sign-in without a passkey port before any request', async () => {
    const cognito = await userAuthPool();
    const signingIn = start(cognito);
    await expect(signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' })).rejects.toMatchObject({
      code: 'passkeyUnavailable',
      message: expect.stringMatching(/cannot use passkeys/),
    });
    expect(cognito.calls).toEqual([]);
  });

  it('refuses a WEB_AUTHN challenge that names no request options as invalidResponse', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({ ChallengeName: 'WEB_AUTHN', Session: 's', ChallengeParameters: {} }));
    const { port, asked } = passkeysThat();
    const signingIn = start(cognito, { passkeys: port });
    await expect(signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' })).rejects.toMatchObject({
      code: 'invalidResponse',
      message: expect.stringMatching(/without saying which/),
    });
    expect(asked).toEqual([]);
  });

  it("stops the browser's prompt when the user cancels the sign-in", async () => {
    const { port, asked } = passkeysThat(() => new Promise(() => {}));
    const signingIn = start(await userAuthPool(), { passkeys: port });
    void signingIn.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' }).catch(() => {});
    await untilTrue(() => asked.length === 1);
    expect(asked[0]!.signal.aborted).toBe(false);
    signingIn.cancel();
    expect(asked[0]!.signal.aborted).toBe(true);
    expect(stateOf(signingIn)).toEqual({ signedOut: 'idle' });
  });
});

/** Polls until `done` (the chart's requests are promises a few turns deep). */
async function untilTrue(done: () => boolean) {
  for (let turn = 0; turn < 100 && !done(); turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(done()).toBe(true);
}
