import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, type Auth, type AuthConfig, type Challenge, type DevicePort, type PasskeyPort } from '../../../machines/index.js';
import { choiceBasedSignIn } from '../../../machines/choice/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';

// choiceBasedSignIn's port called as the chart calls it (the port is public: a tier or an app may
// wrap it): the caller's signal reaches every request, and what each call does with a challenge
// or ports the chart alone would rarely give it. Through the chart: choiceBasedSignIn.test.ts.

const REQUEST_OPTIONS = JSON.stringify({ challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' });
const EMAIL_CODE = { ChallengeName: 'EMAIL_OTP' as const, Session: 'session-2', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' } };

let auth: Auth | undefined;
afterEach(() => {
  auth?.stop();
  auth = undefined;
});

/** The chart's input (its config and ports) for a USER_AUTH auth over `cognito`. */
function inputFor(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  auth = createAuth({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    wake: null,
    authFlow: 'USER_AUTH',
    choice: choiceBasedSignIn(),
    transport: cognito,
    ...config,
  });
  const { config: resolved, ports } = auth.actor.getSnapshot().context;
  return { config: resolved, ports };
}

function challenge(over: Partial<Challenge>): Challenge {
  return { name: 'SELECT_CHALLENGE', kind: 'selectChallenge', challengeSession: 'session-1', username: 'demo', parameters: {}, totpSetup: null, firstFactor: null, ...over };
}

const passkeySigning: PasskeyPort = {
  authenticate: async () => '{"id":"passkey"}',
  register: async () => {
    throw new Error('not in these tests');
  },
};

describe("choiceBasedSignIn's port", () => {
  it("start sends the caller's signal with InitiateAuth", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const cognito = new FakeCognito().on('InitiateAuth', (_input, signal) => {
      signals.push(signal);
      return EMAIL_CODE;
    });
    const { signal } = new AbortController();
    await choiceBasedSignIn().start({ ...inputFor(cognito), username: 'demo', preferred: 'EMAIL_OTP', password: undefined, choices: [], signal });
    expect(signals).toEqual([signal]);
  });

  it("choose answers a SELECT_CHALLENGE that carries no choices of its own, with the caller's signal", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const cognito = new FakeCognito().on('RespondToAuthChallenge', (_input, signal) => {
      signals.push(signal);
      return EMAIL_CODE;
    });
    const { signal } = new AbortController();
    const result = await choiceBasedSignIn().choose({ ...inputFor(cognito), challenge: challenge({ firstFactor: null }), choice: 'EMAIL_OTP' }, signal);
    expect(result.challenge).toMatchObject({ name: 'EMAIL_OTP', challengeSession: 'session-2' });
    expect(cognito.calls.map((call) => call.input)).toMatchObject([{ ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { ANSWER: 'EMAIL_OTP' } }]);
    expect(signals).toEqual([signal]);
  });

  it('choose calls a refused choice without a password a spent session, saying so, with the refusal as its cause', async () => {
    const refusal = new AuthError('invalidCredentials', 'Invalid session for the user.', { cognitoName: 'NotAuthorizedException' });
    const cognito = new FakeCognito().on('RespondToAuthChallenge', () => {
      throw refusal;
    });
    const chosen = choiceBasedSignIn().choose(
      { ...inputFor(cognito), challenge: challenge({ firstFactor: { choices: ['EMAIL_OTP'] } }), choice: 'EMAIL_OTP' },
      new AbortController().signal,
    );
    await expect(chosen).rejects.toMatchObject({ code: 'challengeExpired', message: expect.stringMatching(/sign in again/), cause: refusal });
  });

  it("answerWithPasskey sends the credential with the caller's signal", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const cognito = new FakeCognito().on('RespondToAuthChallenge', (_input, signal) => {
      signals.push(signal);
      return EMAIL_CODE;
    });
    const { signal } = new AbortController();
    const webAuthn = challenge({ name: 'WEB_AUTHN', kind: 'passkey', parameters: { CREDENTIAL_REQUEST_OPTIONS: REQUEST_OPTIONS } });
    await choiceBasedSignIn().answerWithPasskey({ ...inputFor(cognito, { passkeys: passkeySigning }), challenge: webAuthn }, signal);
    expect(cognito.calls.map((call) => call.input)).toMatchObject([{ ChallengeName: 'WEB_AUTHN', ChallengeResponses: { CREDENTIAL: '{"id":"passkey"}' } }]);
    expect(signals).toEqual([signal]);
  });

  it('answerWithPasskey without a passkey port refuses as passkeyUnavailable, saying why, before any request', async () => {
    const cognito = new FakeCognito();
    const webAuthn = challenge({ name: 'WEB_AUTHN', kind: 'passkey', parameters: { CREDENTIAL_REQUEST_OPTIONS: REQUEST_OPTIONS } });
    const answered = choiceBasedSignIn().answerWithPasskey({ ...inputFor(cognito), challenge: webAuthn }, new AbortController().signal);
    await expect(answered).rejects.toMatchObject({ code: 'passkeyUnavailable', message: expect.stringMatching(/cannot use passkeys/) });
    expect(cognito.calls).toEqual([]);
  });

  it("start names the device remembered for this user in InitiateAuth (DEVICE_KEY)", async () => {
    const asked: unknown[] = [];
    const devices = {
      deviceKeyFor: (input) => {
        asked.push(input.username);
        return input.username === 'demo' ? 'eu-west-1_device' : null;
      },
    } as Partial<DevicePort> as DevicePort;
    const cognito = new FakeCognito().on('InitiateAuth', () => EMAIL_CODE);
    const { signal } = new AbortController();
    // Into the ports directly: createAuth takes only rememberedDevices() as its devices.
    const { config, ports } = inputFor(cognito);
    const result = await choiceBasedSignIn().start({ config, ports: { ...ports, devices }, username: 'demo', preferred: 'EMAIL_OTP', password: undefined, choices: [], signal });
    expect(asked).toEqual(['demo']);
    expect(cognito.calls[0]!.input).toMatchObject({ AuthParameters: { USERNAME: 'demo', DEVICE_KEY: 'eu-west-1_device' } });
    expect(result.challenge?.deviceKey).toBe('eu-west-1_device');
  });
});
