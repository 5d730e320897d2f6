import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/launchChromium.js';

const e2e = inject('e2e');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A fresh context per test: no storage carried over between tests.
  const context = await browser.newContext();
  page = await context.newPage();
});

afterEach(async () => {
  await page.context().close();
});

async function signIn(username: string, password: string) {
  await page.goto(e2e.appUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('demo app in chromium', () => {
  it('signs in the demo user and shows the profile the API returns', async () => {
    await signIn(e2e.demoUser.username, e2e.demoUser.password);
    await expect.poll(() => page.getByTestId('auth-state').textContent()).toBe('signedIn');
    const profile = page.getByTestId('profile');
    await profile.waitFor();
    const text = await profile.textContent();
    expect(text).toContain('cognito:username');
    expect(text).toContain(e2e.demoUser.username);
    expect(text).toContain(e2e.clientId);
  });

  it('shows a readable message for a wrong password and stays signed out', async () => {
    await signIn(e2e.demoUser.username, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Incorrect username or password.');
    expect(await page.getByTestId('auth-state').textContent()).toBe('signedOut');
  });

  it('keeps the session across a reload without signing in again', async () => {
    await signIn(e2e.demoUser.username, e2e.demoUser.password);
    await expect.poll(() => page.getByTestId('auth-state').textContent()).toBe('signedIn');
    await page.reload();
    await expect.poll(() => page.getByTestId('auth-state').textContent()).toBe('signedIn');
    await page.getByTestId('profile').waitFor();
  });
});
