// The first five minutes: `npm run dev` as on a fresh clone (an empty Vite dependency cache),
// then the app in chromium. The first run prints no error, and no page load is followed by a
// reload while Vite re-optimises dependencies it had not found, on any page a visitor reaches.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../dev/freePort.js';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { authState, openPage } from './appPage.js';
import { useBrowser } from './useBrowser.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const browser = useBrowser();
let dev: ChildProcess | undefined;
let cacheDir: string | undefined;
let appUrl = '';
const output: string[] = [];

/**
 * A page elsewhere in the repo that imports a package the main install lacks, as bench/pages do
 * (aws-amplify lives in bench/node_modules, installed only by `npm run bench`). Vite's dependency
 * scan must not start from it; written here so that the check does not depend on what this
 * machine happens to have installed.
 */
const DECOY_DIR = join(REPO, 'test-results', 'first-run-decoy');

beforeAll(async () => {
  await mkdir(DECOY_DIR, { recursive: true });
  await writeFile(join(DECOY_DIR, 'index.html'), '<script type="module">import "a-package-nobody-installed";</script>\n');
  cacheDir = await mkdtemp(join(tmpdir(), 'authchart-first-run-'));
  // A fresh clone's environment: no pool configured, so the dev script starts cognito-local.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_COGNITO_')));
  dev = spawn(process.execPath, ['dev/start.js'], {
    cwd: REPO,
    env: {
      ...env,
      PORT: String(await freePort()),
      COGNITO_PORT: String(await freePort()),
      AUTHCHART_VITE_CACHE_DIR: cacheDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  appUrl = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /app\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.join(''));
      if (match) resolve(match[1]!);
    };
    dev!.stdout!.on('data', read);
    dev!.stderr!.on('data', read);
    dev!.once('exit', (code) => reject(new Error(`npm run dev exited (${code}):\n${output.join('')}`)));
  });
}, 120_000);

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev!.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  await rm(DECOY_DIR, { recursive: true, force: true });
});

test('a fresh dev server loads every page once, without a reload or an error', async () => {
  const page = await openPage(browser());
  let loads = 0;
  page.on('load', () => (loads += 1));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.message} at ${page.url()}\n${error.stack}`));
  try {
    await page.goto(appUrl);
    await expect.poll(() => authState(page), { timeout: 60_000 }).toBe('signedOut');

    // Every lazy page, reached as a visitor would: each may import dependencies of its own.
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await page.getByLabel('Username').fill(LOCAL_POOL.demoUser.username);
    await page.getByLabel('Password').fill(LOCAL_POOL.demoUser.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => authState(page), { timeout: 30_000 }).toBe('signedIn');
    await page.getByRole('link', { name: 'Account' }).first().click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByTestId('totp-setup').waitFor();
    // Vite reloads the page a moment after it finds a dependency it had not optimised.
    await page.waitForTimeout(3_000);

    expect(loads, 'full page loads (a reload means Vite re-optimised)').toBe(1);
    expect(pageErrors).toEqual([]);
    const errors = output.join('').split('\n').filter((line) => /error/i.test(line));
    expect(errors, 'what `npm run dev` printed').toEqual([]);
  } finally {
    await page.context().close();
  }
}, 120_000);
