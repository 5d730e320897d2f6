// A request the account charts leave (cancel, stop, the session's end) is aborted: its fetch does
// not run on for an answer nobody reads, and a settings change cut short is reported as
// interrupted, never as done.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAccountFlows, createAccountSettings, type AccountFlows, type AccountSettings } from '../../../machines/account/index.js';
import { createAuth, type CognitoOperation } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

/** Makes `operation` never answer, and records the signal each call of it was given. */
function hold(cognito: FakeCognito, operation: CognitoOperation): (AbortSignal | undefined)[] {
  const signals: (AbortSignal | undefined)[] = [];
  cognito.on(operation, (_, signal) => {
    signals.push(signal);
    return new Promise<never>(() => {});
  });
  return signals;
}

function flows(cognito: FakeCognito): AccountFlows {
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
  const account = createAccountFlows(auth);
  onTestFinished(() => {
    account.stop();
    auth.stop();
  });
  return account;
}

const FLOW_STEPS: [CognitoOperation, (account: AccountFlows) => Promise<unknown>][] = [
  ['SignUp', (account) => account.signUp({ username: 'new', password: 'pw' })],
  ['ConfirmSignUp', (account) => account.confirmSignUp({ username: 'new', code: '123456' })],
  ['ResendConfirmationCode', (account) => account.resendSignUpCode({ username: 'new' })],
  ['ForgotPassword', (account) => account.forgotPassword({ username: 'new' })],
  ['ConfirmForgotPassword', (account) => account.confirmPasswordReset({ username: 'new', code: '123456', newPassword: 'new-pw' })],
];

describe('account flows', () => {
  it.each(FLOW_STEPS)('cancel aborts %s in flight; the step ends with nothing to do', async (operation, step) => {
    const cognito = new FakeCognito();
    const signals = hold(cognito, operation);
    const account = flows(cognito);
    const pending = step(account);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    account.cancel();
    expect(await pending).toBe('signIn');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('stop aborts the request in flight', async () => {
    const cognito = new FakeCognito();
    const signals = hold(cognito, 'SignUp');
    const account = flows(cognito);
    // Stopped, the step never resolves: nothing is left to wait for it.
    account.signUp({ username: 'new', password: 'pw' }).catch(() => {});
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    account.stop();
    expect(signals[0]?.aborted).toBe(true);
  });
});

/** Alice signed in, her settings beside the auth; every settings request answers unless held. */
async function signedIn(cognito: FakeCognito): Promise<{ signOut: () => Promise<void>; settings: AccountSettings }> {
  cognito
    .on('RevokeToken', () => ({}))
    .on('ChangePassword', () => ({}))
    .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
    .on('VerifySoftwareToken', () => ({ Status: 'SUCCESS' }))
    .on('SetUserMFAPreference', () => ({}));
  const { auth } = await signedInAuth({ cognito });
  const settings = createAccountSettings(auth);
  onTestFinished(() => settings.stop());
  return { signOut: () => auth.signOut(), settings };
}

const SETTINGS_REQUESTS: [string, CognitoOperation, (settings: AccountSettings) => Promise<unknown>][] = [
  ['changePassword', 'ChangePassword', (settings) => settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' })],
  ['setUpTotp', 'AssociateSoftwareToken', (settings) => settings.setUpTotp()],
  [
    'verifyTotp (checking the code)',
    'VerifySoftwareToken',
    async (settings) => {
      await settings.setUpTotp();
      await settings.verifyTotp('123456');
    },
  ],
  [
    'verifyTotp (making TOTP preferred)',
    'SetUserMFAPreference',
    async (settings) => {
      await settings.setUpTotp();
      await settings.verifyTotp('123456');
    },
  ],
  ['setMfaPreference', 'SetUserMFAPreference', (settings) => settings.setMfaPreference({ sms: true })],
];

describe('account settings', () => {
  it.each(SETTINGS_REQUESTS)('a sign-out aborts %s in flight and rejects it as interrupted', async (_, operation, request) => {
    const cognito = new FakeCognito();
    const { signOut, settings } = await signedIn(cognito);
    const signals = hold(cognito, operation);
    const pending = request(settings);
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await signOut();
    await expect(pending).rejects.toMatchObject({ code: 'interrupted', message: expect.stringContaining('sign in and try again') });
    expect(signals[0]?.aborted).toBe(true);
    expect(settings.actor.getSnapshot().context.notice).toBeNull();
  });

  it('stop aborts the request in flight', async () => {
    const cognito = new FakeCognito();
    const { settings } = await signedIn(cognito);
    const signals = hold(cognito, 'ChangePassword');
    // Stopped, the change never resolves: nothing is left to wait for it.
    settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' }).catch(() => {});
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    settings.stop();
    expect(signals[0]?.aborted).toBe(true);
  });
});
