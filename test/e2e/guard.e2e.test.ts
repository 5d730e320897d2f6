import { describe, expect, inject, it } from 'vitest';
import { authState, pathOf, screenshot, signIn, storedTokens, url } from './appPage.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();

describe('route guard', () => {
  it('sends a signed-out visitor of a protected page to sign-in, and back there after', async () => {
    await page().goto(url(e2e.appUrl, '/account?tab=security'));
    await page().waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Faccount%3Ftab%3Dsecurity'));
    await page().getByText('Sign in to continue to /account?tab=security').waitFor();
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/account?tab=security'));
    await expect.poll(() => page().getByTestId('account-username').textContent()).toBe(e2e.demoUser.username);
  });

  it('a link clicked while the app is still navigating wins, with no error', async () => {
    const pageErrors: string[] = [];
    page().on('pageerror', (error) => pageErrors.push(error.message));
    // The dashboard's code arrives slowly, so the app's own navigation there (after sign-in) is
    // still under way when the user clicks a link elsewhere.
    await page().route(/\/assets\/Dashboard-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await expect.poll(() => authState(page())).toBe('signedIn');
    await page().getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await page().waitForURL(url(e2e.appUrl, '/account'));
    await page().waitForTimeout(2_000);
    expect(pathOf(page())).toBe('/account');
    expect(pageErrors).toEqual([]);
  });

  it('never returns to another site after sign-in', async () => {
    await page().goto(url(e2e.appUrl, `/sign-in?returnTo=${encodeURIComponent('https://evil.example/')}`));
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    // Signed in, the sign-in page forwards at once: the same check applies there.
    for (const returnTo of ['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'https://evil.example']) {
      await page().goto(url(e2e.appUrl, `/sign-in?returnTo=${encodeURIComponent(returnTo)}`));
      await page().waitForURL(url(e2e.appUrl, '/dashboard'));
      expect(new URL(page().url()).origin).toBe(new URL(e2e.appUrl).origin);
    }
  });

  it('signs out: storage is cleared and protected pages are guarded again', async () => {
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    expect(await storedTokens(page())).not.toBeNull();
    await page().getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');
    expect(pathOf(page())).toBe('/');
    expect(await storedTokens(page())).toBeNull();
    await page().getByRole('status').getByText('You have signed out.').waitFor();
    await page().goto(url(e2e.appUrl, '/dashboard'));
    await page().waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Fdashboard'));
  });

  it('signs out everywhere: cognito-local lacks GlobalSignOut, the app signs out all the same', async () => {
    await page().goto(url(e2e.appUrl, '/sign-in?returnTo=%2Faccount'));
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/account'));
    await page().getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => authState(page())).toBe('signedOut');
    expect(await storedTokens(page())).toBeNull();
    await page().goto(url(e2e.appUrl, '/account'));
    await page().waitForURL(url(e2e.appUrl, '/sign-in?returnTo=%2Faccount'));
  });

  it('never puts a token in the page, and saves screenshots of the dashboard and session panel', async () => {
    await signIn(page(), e2e.appUrl, e2e.demoUser);
    await page().waitForURL(url(e2e.appUrl, '/dashboard'));
    await page().getByTestId('profile').waitFor();
    await page().getByTestId('notes').waitFor();
    await page().getByTestId('transitions').getByText('authenticating.submitting → signedIn.idle').waitFor();
    const tokens = await storedTokens(page());
    expect(tokens).not.toBeNull();
    const html = await page().content();
    for (const token of [tokens!.idToken, tokens!.accessToken, tokens!.refreshToken]) {
      expect(html).not.toContain(token);
      // Nor any part of one: the claims on the page are decoded, never the encoded payload.
      for (const part of token.split('.').filter((segment) => segment.length > 16)) expect(html).not.toContain(part);
    }
    await screenshot(page(), 'dashboard');
    await page().getByRole('complementary', { name: 'Session panel' }).screenshot({ path: 'test-results/session-panel.png' });
    // A phone: the session survives the reload, and the panel starts folded below the page().
    await page().setViewportSize({ width: 390, height: 844 });
    await page().reload();
    await page().getByTestId('profile').waitFor();
    await screenshot(page(), 'dashboard-390');
  });
});
