import { waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, type Auth, type AuthConfig } from '../../machines/index.js';
import { createAccountFlows } from '../../machines/account/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// Cognito-shaped answers for what cognito-local cannot do (EMAIL_OTP, SMS without data-file edits,
// MFA_SETUP with a Session, ResendConfirmationCode). Shapes follow the AWS API reference.
const tokens = () => {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
};

const challenge = (name: string, parameters: Record<string, string> = {}) => ({
  ChallengeName: name as never,
  Session: `session-for-${name}`,
  ChallengeParameters: { USER_ID_FOR_SRP: 'demo', ...parameters },
});

const running: Auth[] = [];
function auth(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  const instance = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: cognito,
    ...config,
  });
  running.push(instance);
  return instance;
}

afterEach(() => {
  for (const instance of running.splice(0)) instance.stop();
});

describe('sign-in challenges (fakes with Cognito response shapes)', () => {
  it('EMAIL_OTP (fake: cognito-local lacks it) answers with EMAIL_OTP_CODE', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => challenge('EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' }))
      .on('RespondToAuthChallenge', () => tokens());
    const a = auth(cognito);
    expect(await a.signIn({ username: 'demo', password: 'pw' })).toBe('mfaCode');
    expect(a.actor.getSnapshot().context.challenge?.parameters.CODE_DELIVERY_DESTINATION).toBe('d***@e***');
    expect(await a.submitMfaCode('12345678')).toBe('signedIn');
    expect(cognito.callsOf('RespondToAuthChallenge')[0]!.input).toEqual({
      ClientId: TEST_POOL.clientId,
      ChallengeName: 'EMAIL_OTP',
      Session: 'session-for-EMAIL_OTP',
      ChallengeResponses: { USERNAME: 'demo', EMAIL_OTP_CODE: '12345678' },
    });
  });

  it('SMS_MFA (fake: needs data-file edits on cognito-local) keeps the challenge after a wrong code', async () => {
    let attempts = 0;
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => challenge('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+*******1234' }))
      .on('RespondToAuthChallenge', () => {
        if (attempts++ === 0) throw new AuthError('codeMismatch', 'That code is not right; check it and try again.');
        return tokens();
      });
    const a = auth(cognito);
    await a.signIn({ username: 'demo', password: 'pw' });
    await expect(a.submitMfaCode('111111')).rejects.toMatchObject({ code: 'codeMismatch' });
    expect(a.actor.getSnapshot().matches({ authenticating: 'mfaCode' })).toBe(true);
    expect(await a.submitMfaCode('222222')).toBe('signedIn');
    expect(cognito.callsOf('RespondToAuthChallenge')[1]!.input).toMatchObject({
      ChallengeResponses: { SMS_MFA_CODE: '222222' },
    });
  });

  it('SELECT_MFA_TYPE (fake) then SOFTWARE_TOKEN_MFA', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }))
      .on('RespondToAuthChallenge', (input) =>
        input.ChallengeName === 'SELECT_MFA_TYPE' ? challenge('SOFTWARE_TOKEN_MFA') : tokens(),
      );
    const a = auth(cognito);
    expect(await a.signIn({ username: 'demo', password: 'pw' })).toBe('selectMfaType');
    expect(await a.selectMfaType('SOFTWARE_TOKEN_MFA')).toBe('mfaCode');
    expect(cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({
      ChallengeResponses: { ANSWER: 'SOFTWARE_TOKEN_MFA' },
    });
    expect(await a.submitMfaCode('123456')).toBe('signedIn');
  });

  it('MFA_SETUP with the challenge Session (fake: cognito-local lacks it)', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }))
      .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'session-2' }))
      .on('VerifySoftwareToken', () => ({ Status: 'SUCCESS', Session: 'session-3' }))
      .on('RespondToAuthChallenge', () => tokens());
    const a = auth(cognito);
    expect(await a.signIn({ username: 'demo', password: 'pw' })).toBe('mfaSetup');
    const { challenge: current } = a.actor.getSnapshot().context;
    expect(current?.totpSetup?.otpauthUri).toMatch(/^otpauth:\/\/totp\/authchart:demo\?secret=JBSWY3DPEHPK3PXP/);
    expect(await a.submitMfaCode('123456')).toBe('signedIn');
    expect(cognito.callsOf('AssociateSoftwareToken')[0]!.input).toEqual({ Session: 'session-for-MFA_SETUP' });
    expect(cognito.callsOf('VerifySoftwareToken')[0]!.input).toMatchObject({ Session: 'session-2', UserCode: '123456' });
    expect(cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({
      ChallengeName: 'MFA_SETUP',
      Session: 'session-3',
      ChallengeResponses: { USERNAME: 'demo' },
    });
  });

  it('ends a challenge nobody answers with reason challengeExpired', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => challenge('SOFTWARE_TOKEN_MFA'));
    const a = auth(cognito, { challengeTimeoutSeconds: 0.05 });
    await a.signIn({ username: 'demo', password: 'pw' });
    const snapshot = await waitFor(a.actor, (s) => s.matches('signedOut'));
    expect(snapshot.context.endReason).toBe('challengeExpired');
    expect(snapshot.context.error).toMatchObject({ code: 'challengeExpired', message: 'This sign-in step took too long; please sign in again.' });
    expect(snapshot.context.challenge).toBeNull();
  });

  it("ends the sign-in when Cognito says the challenge session expired", async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => challenge('SOFTWARE_TOKEN_MFA'))
      .on('RespondToAuthChallenge', () => {
        throw new AuthError('challengeExpired', 'This sign-in step took too long; please sign in again.');
      });
    const a = auth(cognito);
    await a.signIn({ username: 'demo', password: 'pw' });
    await expect(a.submitMfaCode('123456')).rejects.toMatchObject({ code: 'challengeExpired' });
    expect(a.actor.getSnapshot().matches('signedOut')).toBe(true);
  });

  it('catches malformed codes and empty passwords before any request', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => challenge('SOFTWARE_TOKEN_MFA'));
    const a = auth(cognito);
    await a.signIn({ username: 'demo', password: 'pw' });
    await expect(a.submitMfaCode('12a456')).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(cognito.callsOf('RespondToAuthChallenge')).toEqual([]);
    expect(a.actor.getSnapshot().matches({ authenticating: 'mfaCode' })).toBe(true);
  });

  it('says which challenge it cannot handle', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => challenge('ADMIN_NO_SRP_AUTH'));
    const a = auth(cognito);
    await expect(a.signIn({ username: 'demo', password: 'pw' })).rejects.toMatchObject({
      code: 'unsupportedChallenge',
      message: expect.stringContaining('ADMIN_NO_SRP_AUTH'),
    });
  });

  it('cancel leaves a challenge for signedOut', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => challenge('NEW_PASSWORD_REQUIRED', { requiredAttributes: '[]' }));
    const a = auth(cognito);
    expect(await a.signIn({ username: 'demo', password: 'pw' })).toBe('newPasswordRequired');
    a.cancel();
    expect(a.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(a.actor.getSnapshot().context.challenge).toBeNull();
  });
});

describe('sign-up (the account entry, fakes)', () => {
  it('ResendConfirmationCode (fake: cognito-local lacks it) reports where the code went', async () => {
    const cognito = new FakeCognito()
      .on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub', CodeDeliveryDetails: { Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }))
      .on('ResendConfirmationCode', () => ({ CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }));
    const account = createAccountFlows(auth(cognito));
    expect(await account.signUp({ username: 'new', password: 'pw', attributes: { email: 'new@example.com' } })).toBe('confirmSignUp');
    expect(cognito.callsOf('SignUp')[0]!.input).toMatchObject({ UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] });
    expect(await account.resendSignUpCode({ username: 'new' })).toBe('confirmSignUp');
    expect(account.actor.getSnapshot().context.codeDelivery).toEqual({ destination: 'n***@e***', medium: 'EMAIL' });
    expect(account.actor.getSnapshot().context.notice).toBe('codeResent');
  });

  it('a pool that confirms users itself needs no code', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: true, UserSub: 'sub' }));
    const account = createAccountFlows(auth(cognito));
    expect(await account.signUp({ username: 'new', password: 'pw' })).toBe('signIn');
    expect(account.actor.getSnapshot().context.notice).toBe('signUpConfirmed');
  });

  it('keeps the password for autoSignIn only until it is used or given up', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' })).on('ForgotPassword', () => ({}));
    const account = createAccountFlows(auth(cognito));
    await account.signUp({ username: 'new', password: 'pw', autoSignIn: true });
    expect(account.actor.getSnapshot().context.autoSignIn).not.toBeNull();
    expect(JSON.stringify(account.actor.getSnapshot().context.autoSignIn)).not.toContain('"pw"');
    await account.forgotPassword({ username: 'new' });
    expect(account.actor.getSnapshot().context.autoSignIn).toBeNull();
    await account.signUp({ username: 'new', password: 'pw', autoSignIn: true });
    account.cancel();
    expect(account.actor.getSnapshot().context.autoSignIn).toBeNull();
  });

  it('forgets the kept password when the confirmation names the user otherwise, and the welcome once signed in', async () => {
    const cognito = new FakeCognito()
      .on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' }))
      .on('ConfirmSignUp', () => ({}))
      .on('InitiateAuth', () => {
        throw new AuthError('network', 'offline');
      });
    const account = createAccountFlows(auth(cognito));
    await account.signUp({ username: 'Alice', password: 'pw', autoSignIn: true });
    expect(await account.confirmSignUp({ username: 'alice', code: '123456' })).toBe('signIn');
    expect(account.actor.getSnapshot().context).toMatchObject({ autoSignIn: null, notice: 'signUpConfirmed' });

    // A failed sign-in after confirmation: the account is confirmed; the user signs in by hand.
    await account.signUp({ username: 'bob', password: 'pw', autoSignIn: true });
    expect(await account.confirmSignUp({ username: 'bob', code: '123456' })).toBe('signIn');
    expect(account.actor.getSnapshot().context).toMatchObject({ autoSignIn: null, notice: 'signUpConfirmed', pendingUsername: 'bob' });
    account.cancel();
    expect(account.actor.getSnapshot().context).toMatchObject({ pendingUsername: null, notice: null, codeDelivery: null });
  });

  it('rejects a step that does not fit the current state', async () => {
    const a = auth(new FakeCognito());
    await expect(a.submitMfaCode('123456')).rejects.toMatchObject({ code: 'invalidRequest' });
    await expect(a.submitCustomChallenge('answer')).rejects.toMatchObject({ code: 'invalidRequest' });
  });
});
