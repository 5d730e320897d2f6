// examples/vanilla from the outside: the page built from the installed tarball (no Svelte), in
// chromium, against cognito-local: sign in, an API call through auth.fetch, a reload that
// restores the session, sign out. Needs `npm run examples` first (tarball + the example's npm ci).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCognitoLocal, type CognitoLocal } from '../../dev/cognitoLocal.js';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { createUser, type TestUser } from '../e2e/cognitoAdmin.js';
import { useBrowser } from '../e2e/useBrowser.js';
import { serveExample, type ServedExample } from './serveExample.js';

const EXAMPLE_DIR = fileURLToPath(new URL('../../examples/vanilla/', import.meta.url));
const VITE_BIN = join(EXAMPLE_DIR, 'node_modules/vite/bin/vite.js');

const browser = useBrowser();
let cognito: CognitoLocal | undefined;
let outDir: string | undefined;
let served: ServedExample | undefined;
let user: TestUser;

beforeAll(async () => {
  if (!existsSync(join(EXAMPLE_DIR, 'node_modules/authchart/package.json'))) {
    throw new Error('examples/vanilla has no authchart installed: run `npm run examples` first');
  }
  cognito = await startCognitoLocal();
  user = await createUser(cognito.endpoint, 'vanilla');
  outDir = await mkdtemp(join(tmpdir(), 'authchart-example-vanilla-'));
  // The example's own Vite, as its `npm run build` would, pointed at this cognito-local.
  await promisify(execFile)(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: EXAMPLE_DIR,
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test, which would make Vite build with the packages' development code.
      NODE_ENV: 'production',
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      VITE_COGNITO_ENDPOINT: cognito.endpoint,
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
    },
  });
  served = await serveExample(outDir, {
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    region: LOCAL_POOL.region,
    endpoint: cognito.endpoint,
  });
});

afterAll(async () => {
  await served?.close();
  await cognito?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const stateOf = (page: Page) => page.locator('#state');

test('sign in, call the API, reload restores the session, sign out', async () => {
  const context = await browser().newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(served!.url);
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');

    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => stateOf(page).textContent()).toBe('signedIn');
    expect(await page.locator('#user').textContent()).toBe(user.username);

    await page.getByRole('button', { name: 'Call the API' }).click();
    await expect.poll(() => page.locator('#api-result').textContent()).toMatch(/^200 /);
    const body = JSON.parse((await page.locator('#api-result').textContent())!.replace(/^200 /, ''));
    expect(body.owner).toBe(user.username);

    await page.reload();
    await expect.poll(() => stateOf(page).textContent()).toBe('signedIn');
    expect(await page.locator('#user').textContent()).toBe(user.username);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes('eyJ')))).toEqual([]);
    await page.reload();
    await expect.poll(() => stateOf(page).textContent()).toBe('signedOut');
    expect(await page.locator('#error').textContent()).toBe('');
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
