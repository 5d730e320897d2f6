// The `worker` tier in chromium: the refresh token lives in a Web Worker that makes the Cognito
// calls; the page (its storage, its DOM, anything its scripts can reach) never holds it, and
// refreshing still works.
import { describe, expect, inject, it } from 'vitest';
import { authState, openPage, signIn, url } from './appPage.js';
import { createUser } from './cognitoAdmin.js';
import { useBrowser } from './useBrowser.js';

const e2e = inject('e2e');
const browser = useBrowser();

describe('the worker tier', () => {
  it('keeps the refresh token out of the page and still refreshes', { timeout: 60_000 }, async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'worker');
    const page = await openPage(browser());
    // The worker's own requests to Cognito, as the network sees them (the page cannot).
    const refreshTokens: string[] = [];
    let refreshRequests = 0;
    page.context().on('response', async (response) => {
      if (new URL(response.url()).origin !== new URL(e2e.cognitoEndpoint).origin) return;
      if ((response.request().postData() ?? '').includes('REFRESH_TOKEN_AUTH')) refreshRequests += 1;
      const body = (await response.json().catch(() => ({}))) as { AuthenticationResult?: { RefreshToken?: string } };
      if (body.AuthenticationResult?.RefreshToken) refreshTokens.push(body.AuthenticationResult.RefreshToken);
    });

    await signIn(page, e2e.workerAppUrl, user);
    await page.waitForURL(url(e2e.workerAppUrl, '/dashboard'));
    await expect.poll(() => authState(page)).toBe('signedIn');
    expect(refreshTokens).toHaveLength(1);
    const [refreshToken] = refreshTokens as [string];

    // 30-second tokens refresh after about 15 s, through the worker.
    await expect.poll(() => refreshRequests, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => authState(page)).toBe('signedIn');

    const reachable = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      html: document.documentElement.outerHTML,
    }));
    for (const [where, text] of Object.entries(reachable)) {
      expect(text.includes(refreshToken), `refresh token readable in ${where}`).toBe(false);
    }
    expect(reachable.local).toBe('{}');
    expect(await page.getByTestId('auth-state-path').textContent()).toMatch(/^signedIn/);
    await page.context().close();
  });
});
