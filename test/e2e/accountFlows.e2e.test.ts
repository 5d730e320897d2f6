// Account flows in the built demo app, in chromium, against cognito-local: sign-up and its
// confirmation, TOTP set-up and MFA sign-in, password reset. Every test has a user of its own
// (cognito-local rewrites a user's whole record on sign-in).
import { Secret, TOTP } from 'otpauth';
import { describe, expect, inject, it } from 'vitest';
import { authState, pathOf, screenshot, signIn, url } from './appPage.js';
import { createUser, type TestUser } from './cognitoAdmin.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const PASSWORD = 'Flows-passw0rd!';
const { page } = useBrowserPage();

function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The field labelled exactly `label` (Password and Confirm password both contain "password"). */
const field = (label: string) => page().getByLabel(label, { exact: true });
const alert = () => page().getByRole('main').getByRole('alert');

async function fillSignUp(username: string, options: { autoSignIn: boolean }) {
  await field('Username').fill(username);
  await field('Email address').fill(`${username}@example.com`);
  await field('Password').fill(PASSWORD);
  await field('Confirm password').fill(PASSWORD);
  await page().getByRole('checkbox', { name: 'Sign me in after confirmation' }).setChecked(options.autoSignIn);
  await page().getByRole('button', { name: 'Create account' }).click();
}

/** A code the app's TOTP secret does not produce now (nor in the windows either side). */
function wrongCode(totp: TOTP): string {
  const near = new Set([-1, 0, 1].map((window) => totp.generate({ timestamp: Date.now() + window * 30_000 })));
  let code = Number(totp.generate());
  do code = (code + 7919) % 1_000_000;
  while (near.has(String(code).padStart(6, '0')));
  return String(code).padStart(6, '0');
}

describe('sign-up', () => {
  it('catches a mismatch in the form, then signs up, confirms with the code and lands on the dashboard signed in (autoSignIn)', async () => {
    const username = uniqueName('signup');
    await page().goto(url(e2e.appUrl, '/sign-up'));
    await field('Username').fill(username);
    await field('Email address').fill(`${username}@example.com`);
    await field('Password').fill(PASSWORD);
    await field('Confirm password').fill(`${PASSWORD}?`);
    await page().getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => alert().textContent()).toBe('The two passwords do not match.');
    expect(await authState(page())).toBe('signedOut');
    await screenshot(page(), 'sign-up');

    await fillSignUp(username, { autoSignIn: true });
    await field('Confirmation code').waitFor();
    expect(await page().getByTestId('code-destination').textContent()).toMatch(/^We sent a confirmation code by email to \S+\./);
    expect(await field('Username').inputValue()).toBe(username);

    // cognito-local has no ResendConfirmationCode: the app says so in words.
    await page().getByRole('button', { name: 'Resend code' }).click();
    await expect.poll(() => alert().textContent()).toMatch(/^Resending a code is not supported by this user pool service\./);
    await screenshot(page(), 'confirm-sign-up');

    await field('Confirmation code').fill(e2e.confirmationCode);
    await page().getByRole('button', { name: 'Confirm account' }).click();
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    await expect.poll(() => authState(page())).toBe('signedIn');
    await expect.poll(() => page().getByTestId('profile').textContent()).toContain(username);
  });

  it('without autoSignIn: confirms, asks to sign in with the username filled in, then goes where it was headed', async () => {
    const username = uniqueName('confirm');
    await page().goto(url(e2e.appUrl, '/sign-up?returnTo=%2Faccount'));
    await fillSignUp(username, { autoSignIn: false });
    await field('Confirmation code').fill(e2e.confirmationCode);
    await page().getByRole('button', { name: 'Confirm account' }).click();
    await page().waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Faccount'));
    expect(await page().getByTestId('auth-notice').textContent()).toBe('Your account is confirmed. Sign in to carry on.');
    expect(await authState(page())).toBe('signedOut');
    expect(await field('Username').inputValue()).toBe(username);

    // The password field has the focus.
    await page().keyboard.type(PASSWORD);
    await page().keyboard.press('Enter');
    await page().waitForURL(url(e2e.appUrl, '/account'));
    expect(await page().getByTestId('account-username').textContent()).toBe(username);
  });
});

describe('two-step verification with an authenticator app', () => {
  it('sets up TOTP on the account page, then signs in with a code from it; a wrong code is refused in words; then turns it off', async () => {
    const user: TestUser = await createUser(e2e.cognitoEndpoint, 'totp');
    await page().goto(url(e2e.appUrl, '/sign-in?returnTo=%2Faccount'));
    await signIn(page(), e2e.appUrl, user);
    await page().waitForURL(url(e2e.appUrl, '/account'));

    await page().getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page().getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const qr = page().getByRole('img', { name: 'QR code that adds this account to an authenticator app' });
    await qr.waitFor();
    expect(await qr.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await page().getByTestId('totp-uri').textContent()).toMatch(new RegExp(`^otpauth://totp/authchart:${user.username}\\?secret=${secret}&`));
    await screenshot(page(), 'account-totp-setup');

    await field('Code from the app').fill(wrongCode(totp));
    await page().getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => page().getByTestId('totp-setup').getByRole('alert').textContent()).toBe(
      'That code is not right. Check it and try again.',
    );
    expect(await field('Code from the app').inputValue()).toBe('');
    await field('Code from the app').fill(totp.generate());
    await page().getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => page().getByTestId('mfa-notice').textContent()).toBe(
      'Your authenticator app is set up: sign-in will ask for a code from it.',
    );

    await page().getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');
    await signIn(page(), e2e.appUrl, user);
    const code = field('Verification code');
    await code.waitFor();
    expect(await page().getByTestId('mfa-prompt').textContent()).toBe('Enter the 6-digit code from your authenticator app.');
    expect(await authState(page())).toBe('authenticating');
    await screenshot(page(), 'sign-in-mfa-code');

    // Malformed: caught in the form. Wrong: Cognito says no, the app says so in words.
    await code.fill('12345');
    await page().getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => alert().textContent()).toBe('Enter the 6-digit code.');
    await code.fill(wrongCode(totp));
    await page().getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => alert().textContent()).toBe('That code is not right. Check it and try again.');
    expect(await code.inputValue()).toBe('');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');

    // The keyboard is enough: the cleared field has the focus.
    await page().keyboard.type(totp.generate());
    await page().keyboard.press('Enter');
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    await expect.poll(() => authState(page())).toBe('signedIn');

    await page().goto(url(e2e.appUrl, '/account'));
    await page().getByRole('button', { name: 'Stop requiring a code' }).click();
    await expect.poll(() => page().getByTestId('mfa-notice').textContent()).toBe('Sign-in no longer asks for a code.');
    await page().getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');
    await signIn(page(), e2e.appUrl, user);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
  });

  it('cancels an MFA sign-in and starts again with the password', async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'mfacancel');
    await signIn(page(), e2e.appUrl, user);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    await page().goto(url(e2e.appUrl, '/account'));
    await page().getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page().getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await field('Code from the app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page().getByRole('button', { name: 'Verify', exact: true }).click();
    await page().getByTestId('mfa-notice').waitFor();
    await page().getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');

    await signIn(page(), e2e.appUrl, user);
    await field('Verification code').waitFor();
    await page().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');
    expect(await field('Username').inputValue()).toBe(user.username);
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('sign-in-password');
    expect(pathOf(page())).toBe('/sign-in');
  });
});

describe('password reset', () => {
  it('sends a code, sets a new password, and the user signs in with it', async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'reset');
    await page().goto(url(e2e.appUrl, '/sign-in'));
    await page().getByRole('link', { name: 'Forgot your password?' }).click();
    await page().waitForURL(url(e2e.appUrl, '/forgot-password'));
    await screenshot(page(), 'forgot-password');
    await field('Username').fill(user.username);
    await page().getByRole('button', { name: 'Send me a code' }).click();
    await field('Code').waitFor();
    expect(await page().getByTestId('code-destination').textContent()).toContain(user.username);

    const newPassword = 'Reset-passw0rd!';
    await field('Code').fill('000000');
    await field('New password').fill(newPassword);
    await field('Confirm new password').fill(newPassword);
    await page().getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => alert().textContent()).toBe('That code is not right. Check it and try again.');
    // Secrets are cleared after a failure.
    expect([await field('Code').inputValue(), await field('New password').inputValue()]).toEqual(['', '']);
    await screenshot(page(), 'reset-password');

    await field('Code').fill(e2e.confirmationCode);
    await field('New password').fill(newPassword);
    await field('Confirm new password').fill(newPassword);
    await page().getByRole('button', { name: 'Set new password' }).click();
    await page().waitForURL(url(e2e.appUrl, '/sign-in'));
    expect(await page().getByTestId('auth-notice').textContent()).toBe('Your password has been reset. Sign in with the new one.');
    expect(await field('Username').inputValue()).toBe(user.username);

    await signIn(page(), e2e.appUrl, { ...user, password: user.password });
    await expect.poll(() => alert().textContent()).toBe('Incorrect username or password.');
    await signIn(page(), e2e.appUrl, { ...user, password: newPassword });
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    expect(await authState(page())).toBe('signedIn');
  });
});
