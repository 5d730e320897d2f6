// Two account steps asked for in the same tick (no await between them, as two buttons or a
// double submit may do) run one after the other, each reported for what it did: the second
// neither cuts the first short nor is dropped and reported as done.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountData, createAccountFlows, createAccountSettings } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

describe('requests asked for in the same tick', () => {
  it('account flows: a sign-up and a password reset each run and each resolve with their own next step', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' })).on('ForgotPassword', () => ({}));
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    const account = createAccountFlows(auth);
    onTestFinished(() => {
      account.stop();
      auth.stop();
    });
    const signUp = account.signUp({ username: 'new', password: 'pw' });
    const reset = account.forgotPassword({ username: 'new' });
    expect(await signUp).toBe('confirmSignUp');
    expect(await reset).toBe('confirmPasswordReset');
  });

  it('account settings: a password change and a TOTP set-up are both sent; neither resolves without its request', async () => {
    const cognito = new FakeCognito().on('ChangePassword', () => ({})).on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }));
    const { auth } = await signedInAuth({ cognito });
    const settings = createAccountSettings(auth);
    onTestFinished(() => settings.stop());
    const change = settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    const setUp = settings.setUpTotp();
    await change;
    expect((await setUp)?.secretCode).toBe('JBSWY3DPEHPK3PXP');
    expect(cognito.calls.map((call) => call.operation).filter((operation) => operation !== 'InitiateAuth')).toEqual(['ChangePassword', 'AssociateSoftwareToken']);
  });
});

describe('requests asked for beside the auth', () => {
  it('a GetUser asked for in the same tick as the sign-in, during start-up, is answered once signed in', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens()).on('GetUser', () => ({ Username: 'demo', UserAttributes: [] }));
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    const data = createAccountData(auth);
    onTestFinished(() => {
      data.stop();
      auth.stop();
    });
    // Both asked for while the auth restores: the sign-in goes first once it has.
    const signIn = auth.signIn({ username: 'demo', password: 'pw' });
    const user = data.getUser();
    expect(await signIn).toBe('signedIn');
    expect((await user).username).toBe('demo');
  });

  it('a sign-up asked for from a subscriber resolves with its own next step', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' }));
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    const account = createAccountFlows(auth);
    onTestFinished(() => {
      account.stop();
      auth.stop();
    });
    let step: Promise<unknown> | undefined;
    const subscription = account.actor.subscribe(() => {
      step ??= account.signUp({ username: 'new', password: 'pw' });
    });
    onTestFinished(() => subscription.unsubscribe());
    account.cancel();
    expect(await step).toBe('confirmSignUp');
  });
});
