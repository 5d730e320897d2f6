// Managed login in chromium: "Continue with the local provider" on the sign-in page, the
// provider's own login page (oidc-provider, signing as the pool does), back to the page the user
// started from, an API call, a reload, and a sign-out that ends both sessions; then each way the
// return can fail, ending on the sign-in page with a message in words.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { authState, pathOf, url } from './appPage.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();
const USER = e2e.providerUser;

/** From the app's sign-in page to the provider's login page. */
async function continueWithProvider(p: Page) {
  await p.getByRole('button', { name: 'Continue with the local provider' }).click();
  await p.waitForURL((address) => address.origin === e2e.providerUrl);
}

async function signInAtProvider(p: Page) {
  await p.getByLabel('Username').fill(USER.username);
  await p.getByLabel('Password').fill(USER.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

const redirectFailure = (p: Page) => p.getByTestId('redirect-failure').textContent();

describe('managed login (hosted UI) with PKCE', () => {
  it('signs in on the provider, comes back to the page it started from, calls the API, reloads, and signs out of both', async () => {
    const p = page();
    const codeUrls: string[] = [];
    p.on('request', (request) => {
      if (request.url().includes('code=')) codeUrls.push(request.url());
    });
    await p.goto(url(e2e.oauthAppUrl, '/dashboard'));
    await p.waitForURL(/\/sign-in\?returnTo=%2Fdashboard$/);
    await continueWithProvider(p);
    await signInAtProvider(p);

    // Back at the redirect URI, then on to the page the user wanted: code and state are gone.
    await p.waitForURL((address) => address.pathname === '/dashboard');
    expect(pathOf(p)).toBe('/dashboard');
    expect(codeUrls.length).toBe(1);
    await expect.poll(() => authState(p)).toBe('signedIn');
    // The demo API verifies the ID token (signed as the pool signs) and answers.
    await p.getByTestId('notes').waitFor();
    expect(await p.getByTestId('profile').textContent()).toContain(USER.email);

    await p.reload();
    await expect.poll(() => authState(p)).toBe('signedIn');
    expect(pathOf(p)).toBe('/dashboard');

    // Sign-out revokes, then ends the provider's session (/logout) and comes back signed out: the
    // app's own page load after the provider's, not the navigation to / that comes first.
    let loggedOut = false;
    p.on('request', (request) => {
      if (request.url().startsWith(`${e2e.providerUrl}/logout`)) loggedOut = true;
    });
    const backFromLogout = p.waitForResponse((response) => loggedOut && response.url() === e2e.oauthAppUrl && response.request().isNavigationRequest());
    await p.getByRole('button', { name: 'Sign out' }).click();
    await backFromLogout;
    await expect.poll(() => authState(p)).toBe('signedOut');
    // The provider asks again: its session ended too.
    await p.goto(url(e2e.oauthAppUrl, '/sign-in'));
    await continueWithProvider(p);
    await p.getByLabel('Password').waitFor();

    // The code that came back once cannot sign in again (a replayed return).
    await p.goto(codeUrls[0]!);
    await expect.poll(() => redirectFailure(p)).toBe('The sign-in could not be completed. Please start again.');
    expect(pathOf(p)).toBe('/sign-in');
    expect(await authState(p)).toBe('signedOut');
  }, 90_000);

  it('a declined sign-in (Cancel on the provider) comes back with a message, signed out', async () => {
    const p = page();
    await p.goto(url(e2e.oauthAppUrl, '/sign-in'));
    await continueWithProvider(p);
    await p.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => redirectFailure(p)).toBe('The sign-in was cancelled. You can try again, or sign in another way.');
    expect(pathOf(p)).toBe('/sign-in');
    expect(await authState(p)).toBe('signedOut');
  });

  it('a tampered state on the way back is refused with a message, and the code is not exchanged', async () => {
    const p = page();
    let exchanges = 0;
    p.on('request', (request) => {
      if (request.url().endsWith('/oauth2/token')) exchanges += 1;
    });
    // The request's `state` is changed on its way to the provider, which sends it back as it got it.
    await p.route(
      (address) => address.origin === e2e.providerUrl && address.pathname === '/oauth2/authorize',
      (route) => {
        const address = new URL(route.request().url());
        address.searchParams.set('state', `tampered-${address.searchParams.get('state')}`);
        return route.continue({ url: address.toString() });
      },
    );
    await p.goto(url(e2e.oauthAppUrl, '/sign-in'));
    await continueWithProvider(p);
    await signInAtProvider(p);
    await expect.poll(() => redirectFailure(p)).toBe('The sign-in could not be completed. Please start again.');
    expect(await authState(p)).toBe('signedOut');
    expect(exchanges).toBe(0);
    expect(p.url()).not.toContain('code=');
  }, 90_000);
});
