// Remembered devices in chromium: the app built for a pool that tracks devices
// (VITE_AUTH_DEVICES=remembered), against dev/userAuthFront.js with device tracking on (a fake of
// Cognito's, named so: dev/deviceTracking.js, "user opt-in", the device's SRP proof checked
// against the verifier the browser confirmed). Sign in (the browser is tracked, not remembered),
// remember it on the profile page, sign out and in again (the browser proves its device secret),
// forget it with the confirm step; no device password or token in the DOM or the URL at any step.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signIn, url } from './appPage.js';
import { createUser } from './cognitoAdmin.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();
const APP = e2e.devicesAppUrl;

/** Every Cognito call the page makes, with its flow or challenge: `RespondToAuthChallenge DEVICE_SRP_AUTH`. */
function watchCognitoCalls(p: Page): string[] {
  const calls: string[] = [];
  p.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (!target || request.method() !== 'POST') return;
    const body = (request.postDataJSON() ?? {}) as { AuthFlow?: string; ChallengeName?: string };
    calls.push([target.split('.')[1], body.AuthFlow ?? body.ChallengeName].filter(Boolean).join(' '));
  });
  return calls;
}

/** What authchart keeps in localStorage: the session's tokens and the device's password. */
async function storedSecrets(p: Page): Promise<string[]> {
  const values = await p.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('authchart:')).map((key) => localStorage.getItem(key) ?? ''));
  const secrets: string[] = [];
  for (const value of values) {
    try {
      const record = JSON.parse(value) as Record<string, unknown>;
      for (const name of ['idToken', 'accessToken', 'refreshToken', 'devicePassword']) {
        if (typeof record[name] === 'string') secrets.push(record[name]);
      }
    } catch {
      // A plain value (a sign-in name's pointer to its user): no secret.
    }
  }
  return secrets;
}

/** Neither the page (text, markup, field values) nor its address holds a secret kept in storage, or any JWT. */
async function expectNoSecretsShown(p: Page, secrets: string[]) {
  const shown = await p.evaluate(() => document.documentElement.outerHTML + [...document.querySelectorAll('input')].map((input) => input.value).join(' '));
  for (const where of [shown, p.url()]) {
    expect(where).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
    for (const secret of secrets) expect(where.includes(secret), 'a stored secret on the page or in its URL').toBe(false);
  }
}

describe('remembered devices (a pool that tracks them, user opt-in)', () => {
  it('remembers this browser, proves it at the next sign-in, and forgets it after a confirm step', async () => {
    const p = page();
    const user = await createUser(e2e.cognitoEndpoint, 'devices');
    const calls = watchCognitoCalls(p);
    const devices = p.getByRole('region', { name: 'Remembered devices' });
    const thisBrowser = devices.getByTestId('device-list').locator('li', { hasText: 'this browser' });

    // First sign-in: Cognito names a new device, the app confirms it; tracked, not remembered.
    await p.goto(url(APP, '/sign-in?returnTo=%2Fprofile'));
    await signIn(p, APP, user);
    await p.waitForURL(url(APP, '/profile'));
    expect(calls).toEqual(['InitiateAuth USER_PASSWORD_AUTH', 'ConfirmDevice']);
    await expect.poll(() => devices.getByTestId('device-list').locator('li').count()).toBe(1);
    await expect.poll(() => thisBrowser.textContent()).toContain('not remembered');
    const secrets = await storedSecrets(p);
    expect(secrets).toHaveLength(4);
    await expectNoSecretsShown(p, secrets);

    await devices.getByRole('button', { name: 'Remember this browser' }).click();
    await expect.poll(() => devices.getByRole('status').textContent()).toBe('This browser is remembered. Signing in here may skip the code step.');
    await expect.poll(() => thisBrowser.textContent()).not.toContain('not remembered');
    expect(await thisBrowser.textContent()).toContain('remembered');
    expect(await devices.getByRole('button', { name: 'Remember this browser' }).count()).toBe(0);
    await screenshot(p, 'devices-remembered');
    await expectNoSecretsShown(p, secrets);

    // Out and in again: the browser proves its device secret; nothing new to confirm.
    await p.goto(url(APP, '/account'));
    await p.getByRole('button', { name: 'Sign out of this device' }).click();
    await p.waitForURL(url(APP, '/'));
    calls.length = 0;
    await p.goto(url(APP, '/sign-in?returnTo=%2Fprofile'));
    await signIn(p, APP, user);
    await p.waitForURL(url(APP, '/profile'));
    await expect.poll(() => thisBrowser.textContent()).toContain('remembered');
    expect(calls.slice(0, 3)).toEqual(['InitiateAuth USER_PASSWORD_AUTH', 'RespondToAuthChallenge DEVICE_SRP_AUTH', 'RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER']);
    expect(calls).not.toContain('ConfirmDevice');
    expect(await devices.getByTestId('device-list').locator('li').count()).toBe(1);
    const secretsNow = await storedSecrets(p);
    await expectNoSecretsShown(p, [...secrets, ...secretsNow]);

    // Forget: a confirm step first ("Keep it" changes nothing), then the browser's device is gone.
    const forget = devices.getByRole('button', { name: /^Forget .* \(this browser\)$/ });
    await forget.click();
    await devices.getByRole('button', { name: 'Keep it' }).click();
    expect(await thisBrowser.count()).toBe(1);
    await forget.click();
    await expect.poll(() => devices.getByRole('group').getAttribute('aria-label')).toMatch(/^Forget .*\?$/);
    await screenshot(p, 'devices-forget-confirm');
    expect(await devices.getByRole('group').textContent()).toContain('This signs you out here.');
    await devices.getByRole('button', { name: 'Forget it' }).click();
    // The pool refreshes no token of a forgotten device: the session ends here on purpose.
    await p.waitForURL(url(APP, '/sign-in?returnTo=%2Fprofile'));
    expect(calls).toContain('ForgetDevice');
    // Its secret is gone from storage, with the session's tokens.
    expect(await storedSecrets(p)).toEqual([]);
    await expectNoSecretsShown(p, [...secrets, ...secretsNow]);
  });
});
