// The profile page in the built demo app, in chromium, against cognito-local: the user's details
// as GetUser reads them, changing the email with its code, the MFA methods sign-in asks for, and
// deleting the account (here and, through the shared storage, in a second tab). The user is made
// here and deleted here: no other file meets it.
import { describe, expect, inject, it } from 'vitest';
import { authState, screenshot, signIn, url } from './appPage.js';
import { createUser } from './cognitoAdmin.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();

const field = (label: string) => page().getByLabel(label, { exact: true });
const section = (heading: string) => page().getByRole('region', { name: heading });
const focusedId = () => page().evaluate(() => document.activeElement?.id ?? null);
/** What the page shows as text, and every field's value: where a secret must not be. */
const pageText = () =>
  page().evaluate(() => document.body.innerText + [...document.querySelectorAll('input')].map((input) => input.value).join(' '));

describe('profile page', () => {
  it('shows the details, changes the email with its code, turns SMS codes on, and deletes the account in both tabs', async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'profile');
    await page().goto(url(e2e.appUrl, '/sign-in?returnTo=%2Fprofile'));
    await signIn(page(), e2e.appUrl, user);
    await page().waitForURL(url(e2e.appUrl, '/profile'));
    await expect.poll(() => page().getByTestId('profile-username').textContent()).toBe(user.username);
    expect(await page().locator('[data-attribute="email"]').textContent()).toBe(`${user.username}@example.com`);
    expect(await page().getByTestId('mfa-current').textContent()).toContain('Sign-in asks only for your password.');
    // cognito-local tracks no devices: the app built for it shows no devices section (devices.e2e has one).
    expect(await page().getByRole('heading', { name: 'Remembered devices' }).count()).toBe(0);

    // Change the email: the code form takes the focus; a wrong code is refused and cleared.
    const newEmail = `${user.username}.new@example.com`;
    const email = section('Email address');
    await field('New email address').fill(newEmail);
    await email.getByRole('button', { name: 'Change email' }).click();
    await field('Verification code').waitFor();
    await expect.poll(focusedId).toBe('change-email-code');
    expect(await page().getByTestId('email-code-destination').textContent()).toMatch(/^We sent a code to \S+\. Enter it to verify the address\.$/);
    await screenshot(page(), 'profile-email-code');
    await field('Verification code').fill('000000');
    await email.getByRole('button', { name: 'Verify email' }).click();
    await expect.poll(() => email.getByRole('alert').textContent()).toBe('That code is not right. Check it and try again.');
    expect(await field('Verification code').inputValue()).toBe('');
    expect(await pageText()).not.toContain('000000');
    await expect.poll(focusedId).toBe('change-email-code');

    await email.getByRole('button', { name: 'Send a new code' }).click();
    await expect.poll(() => page().getByTestId('email-notice').textContent()).toBe('We sent you a new verification code.');
    await field('Verification code').fill(e2e.confirmationCode);
    await email.getByRole('button', { name: 'Verify email' }).click();
    await expect.poll(() => page().getByTestId('email-notice').textContent()).toBe('Your email address is verified.');
    expect(await pageText()).not.toContain(e2e.confirmationCode);
    await expect.poll(() => page().locator('[data-attribute="email"]').textContent()).toBe(newEmail);
    expect(await page().locator('[data-attribute="email_verified"]').textContent()).toBe('true');

    // MFA as GetUser reports it: the app is set up elsewhere; SMS on, then shown as the current state.
    const mfa = section('Two-step verification');
    expect(await mfa.getByRole('checkbox', { name: 'Authenticator app' }).isDisabled()).toBe(true);
    await mfa.getByRole('checkbox', { name: 'Text message (SMS)' }).check();
    await mfa.getByRole('button', { name: 'Save sign-in steps' }).click();
    await expect.poll(() => page().getByTestId('mfa-saved').textContent()).toBe('Your sign-in settings are saved.');
    expect(await page().getByTestId('mfa-current').textContent()).toMatch(/asks for a second step: Text message \(SMS\); first: Text message \(SMS\)\./);
    await screenshot(page(), 'profile');

    // A second tab of the same browser shares the session.
    const other = await page().context().newPage();
    await other.goto(url(e2e.appUrl, '/dashboard'));
    await expect.poll(() => authState(other)).toBe('signedIn');

    // Delete: the confirmation takes the focus; only the exact username deletes.
    const deletion = section('Delete your account');
    await deletion.getByRole('button', { name: 'Delete my account…' }).click();
    await expect.poll(focusedId).toBe('delete-account-username');
    await field(`Type your username (${user.username}) to confirm`).fill('someone-else');
    await deletion.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect.poll(() => deletion.getByRole('alert').textContent()).toBe('Type your username exactly as shown to confirm.');
    expect(await authState(page())).toBe('signedIn');
    await field(`Type your username (${user.username}) to confirm`).fill(user.username);
    await deletion.getByRole('button', { name: 'Delete my account for good' }).click();

    await page().waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Fprofile'));
    await expect.poll(() => authState(page())).toBe('signedOut');
    await page().getByRole('main').getByRole('status').filter({ hasText: 'Your account has been deleted, and you are signed out.' }).waitFor();
    expect(await page().getByTestId('end-reason').textContent()).toBe('deleted');
    // The guard leaves the page after the state settles, so wait for the address.
    await other.waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Fdashboard'));
    await expect.poll(() => authState(other)).toBe('signedOut');
    expect(await other.getByTestId('end-reason').textContent()).toBe('deleted');
    await screenshot(page(), 'profile-deleted');

    // The user is gone.
    await signIn(page(), e2e.appUrl, user);
    await expect.poll(() => page().getByRole('main').getByRole('alert').textContent()).toBe('Incorrect username or password.');
  });
});
