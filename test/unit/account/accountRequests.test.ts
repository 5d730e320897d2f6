import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../../machines/index.js';
import { createAccountFlows, type AccountFlows } from '../../../machines/account/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';

// The requests sign-up and password reset send, member by member (the wire check in the setup
// file holds them to Cognito's published model; these hold them to what the user typed), and
// what the answers tell the app.
const running: (Auth | AccountFlows)[] = [];
afterEach(() => {
  for (const instance of running.splice(0)) instance.stop();
});

function flows(cognito: FakeCognito): AccountFlows {
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
  const account = createAccountFlows(auth);
  running.push(auth, account);
  return account;
}

const EMAIL_DELIVERY = { Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } as const;

describe('sign-up requests', () => {
  it('SignUp: the trimmed username, the password as typed, every attribute', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub', CodeDeliveryDetails: EMAIL_DELIVERY }));
    const account = flows(cognito);
    expect(await account.signUp({ username: ' new ', password: ' pw ', attributes: { email: 'new@example.com', name: 'New' } })).toBe('confirmSignUp');
    expect(cognito.callsOf('SignUp').map((call) => call.input)).toEqual([
      {
        ClientId: TEST_POOL.clientId,
        Username: 'new',
        Password: ' pw ',
        UserAttributes: [
          { Name: 'email', Value: 'new@example.com' },
          { Name: 'name', Value: 'New' },
        ],
      },
    ]);
    expect(account.actor.getSnapshot().context.codeDelivery).toEqual({ destination: 'd***@e***', medium: 'EMAIL' });
    // The confirmation form is pre-filled with the name as it was sent.
    expect(account.actor.getSnapshot().context.pendingUsername).toBe('new');
  });

  it('ConfirmSignUp and ResendConfirmationCode: the trimmed username and code; no delivery details means none', async () => {
    const cognito = new FakeCognito()
      .on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' }))
      .on('ConfirmSignUp', () => ({}))
      .on('ResendConfirmationCode', () => ({}));
    const account = flows(cognito);
    await account.signUp({ username: 'new', password: 'pw' });
    expect(account.actor.getSnapshot().context.codeDelivery).toBeNull();
    await account.resendSignUpCode({ username: ' new ' });
    expect(cognito.callsOf('ResendConfirmationCode').map((call) => call.input)).toEqual([{ ClientId: TEST_POOL.clientId, Username: 'new' }]);
    expect(account.actor.getSnapshot().context.codeDelivery).toBeNull();
    expect(await account.confirmSignUp({ username: ' new ', code: ' 123456 ' })).toBe('signIn');
    expect(cognito.callsOf('ConfirmSignUp').map((call) => call.input)).toEqual([{ ClientId: TEST_POOL.clientId, Username: 'new', ConfirmationCode: '123456' }]);
  });

  it('sends nothing for an empty username or password', async () => {
    const cognito = new FakeCognito().on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' }));
    const account = flows(cognito);
    await expect(account.signUp({ username: ' ', password: 'pw' })).rejects.toMatchObject({ code: 'invalidRequest', message: 'Enter a username.' });
    await expect(account.signUp({ username: 'new', password: '' })).rejects.toMatchObject({ code: 'invalidRequest', message: 'Enter a password.' });
    expect(cognito.calls).toEqual([]);
  });

  it('sends no confirmation or new code for an empty username', async () => {
    const cognito = new FakeCognito();
    const account = flows(cognito);
    const blank = { code: 'invalidRequest', message: 'Enter a username.' };
    await expect(account.confirmSignUp({ username: ' ', code: '123456' })).rejects.toMatchObject(blank);
    await expect(account.resendSignUpCode({ username: '' })).rejects.toMatchObject(blank);
    expect(cognito.calls).toEqual([]);
  });
});

describe('password reset requests', () => {
  it('ForgotPassword then ConfirmForgotPassword: the trimmed username and code, the new password as typed', async () => {
    const cognito = new FakeCognito()
      .on('ForgotPassword', () => ({ CodeDeliveryDetails: { Destination: '+*******1234', DeliveryMedium: 'SMS', AttributeName: 'phone_number' } }))
      .on('ConfirmForgotPassword', () => ({}));
    const account = flows(cognito);
    expect(await account.forgotPassword({ username: ' demo ' })).toBe('confirmPasswordReset');
    expect(account.actor.getSnapshot().context.codeDelivery).toEqual({ destination: '+*******1234', medium: 'SMS' });
    expect(await account.confirmPasswordReset({ username: ' demo ', code: ' 654321 ', newPassword: ' new pw ' })).toBe('signIn');
    expect(cognito.calls.map((call) => call.input)).toEqual([
      { ClientId: TEST_POOL.clientId, Username: 'demo' },
      { ClientId: TEST_POOL.clientId, Username: 'demo', ConfirmationCode: '654321', Password: ' new pw ' },
    ]);
  });

  it('sends no confirmation without a code or a new password', async () => {
    const cognito = new FakeCognito().on('ForgotPassword', () => ({})).on('ConfirmForgotPassword', () => ({}));
    const account = flows(cognito);
    await account.forgotPassword({ username: 'demo' });
    await expect(account.confirmPasswordReset({ username: 'demo', code: '', newPassword: 'pw' })).rejects.toMatchObject({ code: 'invalidRequest' });
    await expect(account.confirmPasswordReset({ username: 'demo', code: '1', newPassword: '' })).rejects.toMatchObject({
      message: 'Enter a new password.',
    });
    expect(cognito.callsOf('ConfirmForgotPassword')).toEqual([]);
  });

  it('sends no reset request or confirmation for an empty username', async () => {
    const cognito = new FakeCognito();
    const account = flows(cognito);
    const blank = { code: 'invalidRequest', message: 'Enter a username.' };
    await expect(account.forgotPassword({ username: ' ' })).rejects.toMatchObject(blank);
    await expect(account.confirmPasswordReset({ username: '', code: '123456', newPassword: 'new-pw' })).rejects.toMatchObject(blank);
    expect(cognito.calls).toEqual([]);
  });
});
