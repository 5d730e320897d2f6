// The account helpers run one request at a time: a step asked for while another runs waits for it
// to finish rather than cutting it short, and a step that does not fit the chart's state is
// refused as invalidRequest, saying so, never queued.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAccountFlows, createAccountSettings } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

describe('account flows', () => {
  it('a password reset asked for during a sign-up starts once the sign-up is answered', async () => {
    let answerSignUp: () => void = () => {};
    const signUpSignals: (AbortSignal | undefined)[] = [];
    const cognito = new FakeCognito()
      .on('SignUp', (_, signal) => {
        signUpSignals.push(signal);
        return new Promise((resolve) => (answerSignUp = () => resolve({ UserConfirmed: false, UserSub: 'sub' })));
      })
      .on('ForgotPassword', () => ({}));
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    const account = createAccountFlows(auth);
    onTestFinished(() => {
      account.stop();
      auth.stop();
    });

    const signUp = account.signUp({ username: 'new', password: 'pw' });
    await vi.waitFor(() => expect(signUpSignals).toHaveLength(1));
    const reset = account.forgotPassword({ username: 'new' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(cognito.callsOf('ForgotPassword')).toEqual([]);

    answerSignUp();
    expect(await signUp).toBe('confirmSignUp');
    expect(await reset).toBe('confirmPasswordReset');
    expect(signUpSignals[0]?.aborted).toBe(false);
    expect(cognito.calls.map((call) => call.operation)).toEqual(['SignUp', 'ForgotPassword']);
  });
});

describe('account settings', () => {
  it('a TOTP set-up asked for during a password change starts once the change is answered', async () => {
    let answerChange: () => void = () => {};
    const cognito = new FakeCognito()
      .on('ChangePassword', () => new Promise((resolve) => (answerChange = () => resolve({}))))
      .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }));
    const { auth } = await signedInAuth({ cognito });
    const settings = createAccountSettings(auth);
    onTestFinished(() => settings.stop());

    const change = settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    await vi.waitFor(() => expect(cognito.callsOf('ChangePassword')).toHaveLength(1));
    const setUp = settings.setUpTotp();
    await new Promise((resolve) => setImmediate(resolve));
    expect(cognito.callsOf('AssociateSoftwareToken')).toEqual([]);

    answerChange();
    await change;
    expect((await setUp).secretCode).toBe('JBSWY3DPEHPK3PXP');
    expect(settings.actor.getSnapshot().value).toBe('awaitingTotpCode');
  });

  it('a first TOTP code with no set-up waiting is refused as invalidRequest, saying the step does not fit', async () => {
    const cognito = new FakeCognito();
    const { auth } = await signedInAuth({ cognito });
    const settings = createAccountSettings(auth);
    onTestFinished(() => settings.stop());
    await expect(settings.verifyTotp('123456')).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('not possible at this step') });
    expect(cognito.callsOf('VerifySoftwareToken')).toEqual([]);
  });
});
