import { describe, expect, inject, it } from 'vitest';
import { authState, signIn, storedTokens, url } from './appPage.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();

describe('signing in', () => {
  it('signs in the demo user and shows the profile the API returns', async () => {
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await expect.poll(() => authState(page())).toBe('signedIn');
    const profile = page().getByTestId('profile');
    await profile.waitFor();
    const text = await profile.textContent();
    expect(text).toContain('cognito:username');
    expect(text).toContain(e2e.demoUser.username);
    expect(text).toContain(e2e.clientId);
  });

  it('shows a readable message for a wrong password and stays signed out', async () => {
    await signIn(page(), e2e.appUrl, { ...e2e.demoUser, password: 'not-the-password' });
    await expect.poll(() => page().getByRole('alert').textContent()).toBe('Incorrect username or password.');
    expect(await authState(page())).toBe('signedOut');
    expect(await page().getByLabel('Password').inputValue()).toBe('');
  });

  it('signs in with the keyboard alone', async () => {
    await page().goto(url(e2e.appUrl, '/sign-in'));
    await page().getByLabel('Username').focus();
    await page().keyboard.type(e2e.demoUser.username);
    await page().keyboard.press('Tab');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page().keyboard.type(e2e.demoUser.password);
    await page().keyboard.press('Enter');
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    expect(await authState(page())).toBe('signedIn');
  });

  it('keeps the session across a reload with local storage', async () => {
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    await expect.poll(() => page().getByTestId('storage-kind').textContent()).toBe('local');
    await page().reload();
    await expect.poll(() => authState(page())).toBe('signedIn');
    await page().getByTestId('profile').waitFor();
    expect(new URL(page().url()).pathname).toBe('/dashboard');
  });

  it('loses the session on reload with memory storage, and never writes tokens to Web Storage', async () => {
    await signIn(page(), e2e.memoryAppUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.memoryAppUrl, '/dashboard'));
    await page().getByTestId('profile').waitFor();
    expect(await page().getByTestId('storage-kind').textContent()).toBe('memory');
    expect(await storedTokens(page())).toBeNull();
    await page().reload();
    // The dashboard is protected: with the session gone, its guard sends the reload to sign-in.
    await page().waitForURL(url(e2e.memoryAppUrl, '/sign-in?returnTo=%2Fdashboard'));
    expect(await authState(page())).toBe('signedOut');
  });
});
