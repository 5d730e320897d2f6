// Helpers for driving the demo app in chromium.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { TestUser } from './cognitoAdmin.js';

export const ARTIFACTS_DIR = 'test-results';

/** A page in a fresh browser context: no storage shared with other tests. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

export function url(base: string, path: string): string {
  return new URL(path, base).toString();
}

/** Signs in on the sign-in page (opening it first unless the page is already there). */
export async function signIn(page: Page, base: string, user: TestUser): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/sign-in') await page.goto(url(base, '/sign-in'));
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export function authState(page: Page): Promise<string | null> {
  return page.getByTestId('auth-state').textContent();
}

export function pathOf(page: Page): string {
  const { pathname, search } = new URL(page.url());
  return `${pathname}${search}`;
}

export interface StoredTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** The session authchart keeps in localStorage (keys `authchart:<pool>:<client>`), or null. */
export async function storedTokens(page: Page): Promise<StoredTokens | null> {
  const raw = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('authchart:'));
    return key ? localStorage.getItem(key) : null;
  });
  return raw ? (JSON.parse(raw) as StoredTokens) : null;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS_DIR}/${name}.png`, fullPage: true });
}
