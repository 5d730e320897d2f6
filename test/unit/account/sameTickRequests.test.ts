// Two account steps asked for in the same tick (no await between them, as two buttons or a
// double submit may do) run one after the other, each reported for what it did: the second
// neither cuts the first short nor is dropped and reported as done.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountFlows, createAccountSettings } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

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
