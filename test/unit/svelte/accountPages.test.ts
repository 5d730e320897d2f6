// The demo's account pages (sign-up, password reset, account settings) in the whole app, over a
// scripted Cognito: bad input costs no request, secrets are cleared on failure, the flow ends
// where it should.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import App from '../../../src/App.svelte';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

let fixture: AuthFixture | undefined;

afterEach(() => {
  fixture?.auth.stop();
});

const path = () => `${location.pathname}${location.search}`;
const input = (label: string) => screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
const alertText = () => screen.getByRole('alert').textContent;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** The page's own heading: sv-router keeps the last test's page on screen until a lazy one loads. */
// A page's first visit compiles its lazy route (vite transforms the component on demand): on a
// busy 2-core machine that takes more than findBy's default second.
const page = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 5_000 });

function start(url: string): AuthFixture {
  history.replaceState(null, '', url);
  fixture = authFixture();
  fixture.cognito
    .on('SignUp', () => ({
      UserConfirmed: false,
      UserSub: 'sub-1',
      CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'd***@e***' },
    }))
    .on('ConfirmSignUp', (request) => {
      if (request.ConfirmationCode !== '123456') throw new AuthError('codeMismatch', 'Invalid verification code provided');
      return {};
    })
    .on('ForgotPassword', () => ({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'd***@e***' } }))
    .on('ConfirmForgotPassword', () => ({}));
  render(App, { auth: fixture.auth });
  return fixture;
}

async function fillSignUp(password = PASSWORD, confirmation = password) {
  await page('Create an account');
  await type('Username', 'newcomer');
  await type('Email address', 'newcomer@example.com');
  await type('Password', password);
  await type('Confirm password', confirmation);
}

describe('sign-up page', () => {
  it('catches a mismatched confirmation before any request, then signs up, confirms and signs in (autoSignIn)', async () => {
    const f = start('/sign-up?returnTo=%2Faccount');
    await fillSignUp(PASSWORD, `${PASSWORD}!`);
    await click('Create account');
    await vi.waitFor(() => expect(alertText()).toBe('The two passwords do not match.'));
    expect(f.cognito.callsOf('SignUp')).toEqual([]);

    await type('Confirm password', PASSWORD);
    await click('Create account');
    await screen.findByLabelText('Confirmation code');
    expect(f.cognito.callsOf('SignUp')[0]!.input).toMatchObject({
      Username: 'newcomer',
      UserAttributes: [{ Name: 'email', Value: 'newcomer@example.com' }],
    });
    expect(input('Username').value).toBe('newcomer');
    expect(screen.getByTestId('code-destination').textContent).toContain('We sent a confirmation code by email to d***@e***.');

    // cognito-local (and this fake) lack ResendConfirmationCode: said plainly.
    await click('Resend code');
    await vi.waitFor(() => expect(alertText()).toMatch(/^Resending a code is not supported by this user pool service\./));

    await type('Confirmation code', '000000');
    await click('Confirm account');
    await vi.waitFor(() => expect(alertText()).toBe('That code is not right. Check it and try again.'));
    expect(input('Confirmation code').value).toBe('');

    await type('Confirmation code', '123 456');
    await click('Confirm account');
    await vi.waitFor(() => expect(path()).toBe('/account'));
    expect(f.cognito.callsOf('ConfirmSignUp')[1]!.input).toMatchObject({ Username: 'newcomer', ConfirmationCode: '123456' });
    expect(f.cognito.callsOf('InitiateAuth')).toHaveLength(1);
  });

  it('without autoSignIn, sends the confirmed user to sign in, username filled in', async () => {
    start('/sign-up');
    await fillSignUp();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Sign me in after confirmation' }));
    await click('Create account');
    await type('Confirmation code', '123456');
    await click('Confirm account');
    await vi.waitFor(() => expect(path()).toBe('/sign-in'));
    await vi.waitFor(() => expect(screen.getByTestId('auth-notice').textContent).toBe('Your account is confirmed. Sign in to carry on.'));
    expect(input('Username').value).toBe('newcomer');
    expect(fixture!.auth.actor.getSnapshot().matches('signedOut')).toBe(true);
  });

  it('clears the passwords but keeps the rest when the username is taken', async () => {
    const f = start('/sign-up');
    f.cognito.on('SignUp', () => {
      throw new AuthError('usernameExists', 'User already exists');
    });
    await fillSignUp();
    await click('Create account');
    await vi.waitFor(() => expect(alertText()).toBe('That username is taken. Choose another one.'));
    expect(input('Username').value).toBe('newcomer');
    expect(input('Email address').value).toBe('newcomer@example.com');
    expect(input('Password').value).toBe('');
    expect(input('Confirm password').value).toBe('');
  });
});

describe('sign-in page', () => {
  it('answers a challenge in place of the password form, and says why one that fails ended', async () => {
    const f = start('/sign-in');
    // MFA set-up is required, but the pool service cannot start it (this fake lacks AssociateSoftwareToken).
    f.cognito.on('InitiateAuth', () => ({
      ChallengeName: 'MFA_SETUP',
      Session: 'setup-session',
      ChallengeParameters: { USER_ID_FOR_SRP: 'demo', MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    }));
    await page('Sign in');
    await type('Username', 'demo');
    await type('Password', PASSWORD);
    await click('Sign in');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('That is not supported by this user pool service.'));
    expect(f.auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(input('Username').value).toBe('demo');
    expect(f.cognito.callsOf('AssociateSoftwareToken')).toHaveLength(1);
  });
});

describe('forgot-password page', () => {
  it('sends a code, catches a mismatch, resets, and sends the user to sign in', async () => {
    const f = start('/forgot-password');
    await page('Reset your password');
    await click('Send me a code');
    await vi.waitFor(() => expect(alertText()).toBe('Enter your username.'));
    expect(f.cognito.callsOf('ForgotPassword')).toEqual([]);

    await type('Username', 'demo');
    await click('Send me a code');
    await screen.findByLabelText('Code');
    expect(screen.getByTestId('code-destination').textContent).toContain('We sent a code by email to d***@e***.');

    await type('Code', '123456');
    await type('New password', 'New-passw0rd!');
    await type('Confirm new password', 'New-passw0rd');
    await click('Set new password');
    await vi.waitFor(() => expect(alertText()).toBe('The two passwords do not match.'));
    expect(f.cognito.callsOf('ConfirmForgotPassword')).toEqual([]);

    await type('Confirm new password', 'New-passw0rd!');
    await click('Set new password');
    await vi.waitFor(() => expect(path()).toBe('/sign-in'));
    expect(f.cognito.callsOf('ConfirmForgotPassword')[0]!.input).toMatchObject({
      Username: 'demo',
      ConfirmationCode: '123456',
      Password: 'New-passw0rd!',
    });
    await vi.waitFor(() => expect(screen.getByTestId('auth-notice').textContent).toBe('Your password has been reset. Sign in with the new one.'));
    expect(input('Username').value).toBe('demo');
  });
});

describe('account page', () => {
  async function signedInOnAccount() {
    const f = start('/account');
    await vi.waitFor(() => expect(path()).toBe('/sign-in?returnTo=%2Faccount'));
    await page('Sign in');
    await type('Username', 'demo');
    await type('Password', PASSWORD);
    await click('Sign in');
    await vi.waitFor(() => expect(path()).toBe('/account'));
    await page('Account');
    await screen.findByLabelText('Current password');
    return f;
  }

  it('changes the password: a mismatch costs no request, and every field is cleared after', async () => {
    const f = await signedInOnAccount();
    f.cognito.on('ChangePassword', () => ({}));
    await type('Current password', PASSWORD);
    await type('New password', 'Other-passw0rd!');
    await type('Confirm new password', 'Other-passw0rd');
    await click('Change password');
    await vi.waitFor(() => expect(screen.getAllByRole('alert').map((el) => el.textContent)).toContain('The two passwords do not match.'));
    expect(f.cognito.callsOf('ChangePassword')).toEqual([]);

    await type('Confirm new password', 'Other-passw0rd!');
    await click('Change password');
    await screen.findByText('Your password has been changed.');
    expect(f.cognito.callsOf('ChangePassword')[0]!.input).toMatchObject({
      PreviousPassword: PASSWORD,
      ProposedPassword: 'Other-passw0rd!',
    });
    await vi.waitFor(() =>
      expect([input('Current password').value, input('New password').value, input('Confirm new password').value]).toEqual(['', '', '']),
    );
  });

  it('sets up an authenticator app, and turns the code requirement off', async () => {
    const f = await signedInOnAccount();
    f.cognito
      .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('VerifySoftwareToken', (request) => {
        if (request.UserCode !== '123456') throw new AuthError('codeMismatch', 'Code mismatch');
        return { Status: 'SUCCESS' };
      })
      .on('SetUserMFAPreference', () => ({}));
    await click('Set up an authenticator app');
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP');
    await screen.findByRole('img', { name: 'QR code that adds this account to an authenticator app' });

    await type('Code from the app', '1234');
    await click('Verify');
    await vi.waitFor(() => expect(screen.getAllByRole('alert').map((el) => el.textContent)).toContain('Enter the 6-digit code.'));
    expect(f.cognito.callsOf('VerifySoftwareToken')).toEqual([]);
    await type('Code from the app', '654321');
    await click('Verify');
    await vi.waitFor(() =>
      expect(screen.getAllByRole('alert').map((el) => el.textContent)).toContain('That code is not right. Check it and try again.'),
    );
    expect(input('Code from the app').value).toBe('');
    await type('Code from the app', '123456');
    await click('Verify');
    expect((await screen.findByTestId('mfa-notice')).textContent).toBe(
      'Your authenticator app is set up: sign-in will ask for a code from it.',
    );
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    const stop = screen.getByRole('button', { name: 'Stop requiring a code' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(stop.disabled).toBe(false));
    await fireEvent.click(stop);
    await vi.waitFor(() => expect(screen.getByTestId('mfa-notice').textContent).toBe('Sign-in no longer asks for a code.'));
    expect(f.cognito.callsOf('SetUserMFAPreference').at(-1)!.input).toMatchObject({
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    });
  });
});
