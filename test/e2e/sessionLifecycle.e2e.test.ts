// The long ones, run side by side: 30-second tokens refreshing for two minutes, and a refresh
// token revoked behind the app's back. Each test signs in a user of its own.
import { describe, inject, it } from 'vitest';
import { authState, openPage, screenshot, signIn, storedTokens, url } from './appPage.js';
import { createUser, revokeToken } from './cognitoAdmin.js';
import { useBrowser } from './useBrowser.js';

const e2e = inject('e2e');
const WATCH_MS = 120_000;
const SAMPLE_MS = 2_000;
const browser = useBrowser();

describe.concurrent('session lifecycle with 30-second tokens', () => {
  it('refreshes in the background while API calls keep working, for two minutes', { timeout: WATCH_MS + 60_000 }, async ({ expect }) => {
    const user = await createUser(e2e.cognitoEndpoint, 'refresh');
    const page = await openPage(browser());
    await signIn(page, e2e.shortAppUrl, user);
    await page.waitForURL(url(e2e.shortAppUrl, '/dashboard'));
    await page.getByTestId('profile').waitFor();
    await page.getByLabel('Call it every 5 seconds').check();

    const count = async (testId: string) => Number(/\d+/.exec((await page.getByTestId(testId).textContent()) ?? '')?.[0]);
    const states = new Set<string>();
    const started = Date.now();
    while (Date.now() - started < WATCH_MS) {
      states.add((await authState(page)) ?? '');
      expect(await page.getByTestId('id-expiry').textContent()).not.toContain('expired');
      expect(await count('api-failures')).toBe(0);
      await page.waitForTimeout(SAMPLE_MS);
    }

    // Refreshed at exp − 15 s (the lead is clamped to half the lifetime): about 8 in 2 minutes.
    expect(await count('refresh-count')).toBeGreaterThanOrEqual(6);
    expect(await count('api-status')).toBeGreaterThanOrEqual(40);
    expect(await count('api-failures')).toBe(0);
    expect([...states].every((state) => state === 'signedIn' || state.startsWith('refreshing'))).toBe(true);
    await page.getByTestId('transitions').getByText('refreshing.locked.requesting → signedIn.idle').first().waitFor();
    await screenshot(page, 'refreshing-dashboard');
    await page.context().close();
  });

  it('asks for the password over the page when the refresh token is revoked out of band', { timeout: 60_000 }, async ({ expect }) => {
    const user = await createUser(e2e.cognitoEndpoint, 'revoke');
    const page = await openPage(browser());
    await page.goto(url(e2e.shortAppUrl, '/sign-in?returnTo=%2Faccount'));
    await signIn(page, e2e.shortAppUrl, user);
    await page.waitForURL(url(e2e.shortAppUrl, '/account'));
    const tokens = await storedTokens(page);
    expect(tokens).not.toBeNull();
    await revokeToken(e2e.cognitoEndpoint, e2e.shortClientId, tokens!.refreshToken);

    // The next proactive refresh (15 s after sign-in) is refused: the session is over.
    const dialog = page.getByTestId('reauth-dialog');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await authState(page)).toBe('expired');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getByRole('heading', { name: 'Account', level: 1 }).count()).toBe(1);
    expect(await storedTokens(page)).toBeNull();
    expect(await dialog.getByLabel('Username').inputValue()).toBe(user.username);
    await screenshot(page, 'reauth-dialog');

    // A typo keeps the dialog up (the machine falls back to signedOut) with a readable error.
    await dialog.getByLabel('Password').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Incorrect username or password.');
    expect(await dialog.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/account');

    // The password field has the focus: typing and Enter are enough.
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => authState(page)).toBe('signedIn');
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getByTestId('account-username').textContent()).toBe(user.username);
    await page.context().close();
  });
});
