// examples/sveltekit from the outside: the SvelteKit app (server rendering on, adapter-node) built
// from the installed tarball, its Node server started here, against cognito-local and the demo
// API on an origin of its own (as an API Gateway would be). First what the server renders for a
// guarded page with no JavaScript at all, then in chromium: the guard sends a visitor to sign in,
// sign in, the guarded page, an API call through auth.fetch, a reload that restores the session,
// sign out. Needs `npm run examples` first (tarball + the example's npm ci).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from '../../dev/cognitoLocal.js';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { createUser, type TestUser } from '../e2e/cognitoAdmin.js';
import { useBrowser } from '../e2e/useBrowser.js';
import { serveApi, startNodeServer, type NodeServer, type ServedExample } from './serveExample.js';

const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/sveltekit/', import.meta.url));
const VITE_BIN = join(EXAMPLE_DIR, 'node_modules/vite/bin/vite.js');
// adapter-node's output (svelte.config.js: out 'dist'); the build below replaces `npm run examples`' one.
const SERVER_ENTRY = join(EXAMPLE_DIR, 'dist/index.js');

const SHELL = 'Checking your session…';
// What the guarded page and the sign-in page show once the session is known: none of it may be
// in what the server renders.
const SESSION_CONTENT = ['Signed in as', 'Call the API', 'Sign out', 'id="signed-in"', 'id="sign-in"', 'Password', 'id="state"'];

const browser = useBrowser();
let cognito: CognitoLocal | undefined;
let api: ServedExample | undefined;
let app: NodeServer | undefined;
let appOrigin: string | undefined;
let user: TestUser;

beforeAll(async () => {
  if (!existsSync(join(EXAMPLE_DIR, 'node_modules/authchart/package.json'))) {
    throw new Error('examples/sveltekit has no authchart installed: run `npm run examples` first');
  }
  cognito = await startCognitoLocal();
  user = await createUser(cognito.endpoint, 'sveltekit');
  const pool = { userPoolId: LOCAL_POOL.userPoolId, clientId: LOCAL_POOL.clientId, region: LOCAL_POOL.region };
  // The app's origin is known only once its server has a port: the API asks for it per request.
  api = await serveApi({ ...pool, endpoint: cognito.endpoint }, () => appOrigin);
  // The example's own Vite, as its `npm run build` would, pointed at this cognito-local and API.
  await promisify(execFile)(process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn'], {
    cwd: EXAMPLE_DIR,
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test, and Vite builds for development unless it is production
      // (esm-env's DEV, Svelte's dev mode): build what `npm run build` builds.
      NODE_ENV: 'production',
      VITE_COGNITO_USER_POOL_ID: pool.userPoolId,
      VITE_COGNITO_CLIENT_ID: pool.clientId,
      VITE_COGNITO_REGION: pool.region,
      VITE_COGNITO_ENDPOINT: cognito.endpoint,
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      VITE_API_URL: new URL('api/notes', api.url).href,
    },
  });
  app = await startNodeServer(SERVER_ENTRY, { NODE_ENV: 'production' }, (origin) => (appOrigin = origin));
});

afterAll(async () => {
  await app?.close();
  await api?.close();
  await cognito?.stop();
});

test('the server renders a guarded page as a neutral shell, with no session content', async () => {
  for (const path of ['notes', 'sign-in?returnTo=%2Fnotes']) {
    const response = await fetch(new URL(path, app!.url), { redirect: 'manual' });
    expect(response.status, path).toBe(200);
    const html = await response.text();
    expect(html, path).toContain(SHELL);
    for (const text of SESSION_CONTENT) expect(html, `${path}: ${text}`).not.toContain(text);
  }
  expect(app!.stderr()).toBe('');
});

const stateOf = (page: Page) => page.locator('#state');
/** Which of the two views the page has shown since it loaded: no flash of the wrong one. */
const shownSinceLoad = (page: Page) => page.evaluate(() => (window as unknown as { shown: string[] }).shown);
const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

test('guard, sign in, call the API, reload restores the session, sign out', async () => {
  const context = await browser().newContext();
  // Records every view the page shows, from its first byte: the signed-in section, the sign-in form.
  await context.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shown: string[] }).shown = shown;
    new MutationObserver(() => {
      for (const id of ['signed-in', 'sign-in']) if (document.getElementById(id) && !shown.includes(id)) shown.push(id);
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleProblems: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Errors and warnings: a CSP violation, a failed request, a framework's complaint.
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    consoleProblems.push(`${message.text()} (${message.location().url})`);
  });
  try {
    // Signed out: the guard sends the visitor to sign in, keeping where they were going.
    await page.goto(new URL('notes', app!.url).href);
    await expect.poll(() => pathOf(page)).toBe('/sign-in?returnTo=%2Fnotes');
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');
    expect(await shownSinceLoad(page)).toEqual(['sign-in']);

    // The form of the page, not the re-auth dialog's (in the DOM, closed).
    const form = page.locator('form#sign-in');
    await form.getByLabel('Username').fill(user.username);
    await form.getByLabel('Password').fill(user.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    // The guest guard runs again once signed in and sends the user on to returnTo.
    await expect.poll(() => pathOf(page)).toBe('/notes');
    await expect.poll(() => stateOf(page).textContent()).toBe('signedIn');
    expect(await page.locator('#user').textContent()).toBe(user.username);

    await page.getByRole('button', { name: 'Call the API' }).click();
    await expect.poll(() => page.locator('#api-status').textContent()).toBe('200');
    expect(await page.locator('#api-owner').textContent()).toBe(user.username);
    expect(await page.locator('#notes li').count()).toBeGreaterThan(0);

    // A full page load: the server sends the shell, the browser restores the session from storage.
    await page.reload();
    await expect.poll(() => stateOf(page).textContent()).toBe('signedIn');
    expect(pathOf(page)).toBe('/notes');
    expect(await page.locator('#user').textContent()).toBe(user.username);
    expect(await shownSinceLoad(page)).toEqual(['signed-in']);

    // Signing out needs no navigation of the page's own: the guard runs again and sends the user away.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => pathOf(page)).toBe('/sign-in?returnTo=%2Fnotes');
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes('eyJ')))).toEqual([]);

    await page.goto(new URL('notes', app!.url).href);
    await expect.poll(() => pathOf(page)).toBe('/sign-in?returnTo=%2Fnotes');
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');
    expect(await shownSinceLoad(page)).toEqual(['sign-in']);
    expect(await page.locator('#error').textContent()).toBe('');
    expect(pageErrors).toEqual([]);
    expect(consoleProblems).toEqual([]);
    expect(app!.stderr()).toBe('');
  } finally {
    await context.close();
  }
});
