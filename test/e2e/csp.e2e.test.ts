// The Content-Security-Policy `vite preview` sends with the built app (dev/cspPlugin.js): present
// on every response, strict, and never violated while a user signs in, calls the API, and
// visits the account pages (the TOTP QR code included).
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, inject, it } from 'vitest';
import { authState, openPage, signIn, url } from './appPage.js';
import { createUser } from './cognitoAdmin.js';
import { useBrowser } from './useBrowser.js';

const e2e = inject('e2e');
const browser = useBrowser();

const EXPECTED = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${new URL(e2e.cognitoEndpoint).origin}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

function directives(policy: string | null): string[] {
  return (policy ?? '').split(';').map((part) => part.trim().replace(/\s+/g, ' ')).filter(Boolean);
}

/** Records CSP violations two ways: the console's "Content Security Policy" lines and the DOM event. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) messages.push(message.text());
  });
  // Injected by the browser's devtools protocol, not as page script: the policy does not apply.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

describe('Content-Security-Policy', () => {
  it('comes with every response: pages, deep links, assets and the demo API', async () => {
    const home = await fetch(e2e.appUrl);
    const html = await home.text();
    expect(directives(home.headers.get('content-security-policy'))).toEqual(EXPECTED);
    // Nothing inline for script-src or style-src to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    for (const path of ['/sign-up', '/account', asset!, '/api/profile']) {
      const response = await fetch(url(e2e.appUrl, path));
      expect(directives(response.headers.get('content-security-policy')), path).toEqual(EXPECTED);
    }
  });

  it('is never violated while signing in, calling the API and using the account pages; an injected inline script is blocked', async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'csp');
    const page = await openPage(browser());
    const violations = await watchViolations(page);

    await page.goto(url(e2e.appUrl, '/sign-up'));
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.goto(url(e2e.appUrl, '/forgot-password'));
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await signIn(page, e2e.appUrl, user);
    await page.waitForURL(url(e2e.appUrl, '/dashboard'));
    await page.getByTestId('profile').waitFor();
    await page.getByTestId('notes').waitFor();
    expect(await page.getByTestId('api-failures').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Call the API again' }).click();
    await expect.poll(() => page.getByTestId('api-status').textContent()).toMatch(/^4 calls/);

    // The TOTP QR code is inline SVG drawn by a lazily loaded encoder.
    await page.goto(url(e2e.appUrl, '/account'));
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code that adds this account to an authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Code from the app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByTestId('mfa-notice').waitFor();
    expect(await authState(page)).toBe('signedIn');
    expect(await violations()).toEqual([]);

    // The watch works, and the policy is enforced: inline script and inline style are refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      document.body.setAttribute('style', 'outline: 1px solid red');
    });
    await expect.poll(async () => (await violations()).join('\n')).toMatch(/script-src/);
    expect((await violations()).join('\n')).toMatch(/style-src/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await page.context().close();
  });
});
