// The local statechart inspector (`?inspect=local`), in a development build: it is dev-only, so
// this file serves the app with Vite's dev server itself (the global setup serves production
// builds). Sign in (through a choice-based sign-in's challenges, whose sessions are secrets too),
// refresh by hand, sign out, watching the active box move; and at no moment does the page hold a
// password, token or challenge session, whatever the inspector shows (every change of the DOM is
// recorded and checked, and every log entry's snapshot is opened).
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../dev/freePort.js';
import { ARTIFACTS_DIR, openPage, screenshot, signIn, url } from './appPage.js';
import { useBrowser } from './useBrowser.js';

const e2e = inject('e2e');
const browser = useBrowser();
let server: ViteDevServer;
let appUrl: string;

beforeAll(async () => {
  // Through dev/userAuthFront.js, which answers choice-based sign-in and passes the rest on.
  const env = {
    VITE_COGNITO_ENDPOINT: e2e.userAuthEndpoint,
    VITE_COGNITO_ISSUER: e2e.userAuthIssuer,
    VITE_AUTH_WAYS_IN: 'EMAIL_OTP',
    VITE_COGNITO_USER_POOL_ID: e2e.userPoolId,
    VITE_COGNITO_CLIENT_ID: e2e.clientId,
    VITE_COGNITO_REGION: e2e.region,
    VITE_AUTH_STORAGE: 'local',
    VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
  };
  // Vite reads VITE_* from process.env while it resolves its config, that is in createServer.
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const port = await freePort();
    server = await createServer({ logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true, hmr: false } });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  await server.listen();
  appUrl = `http://127.0.0.1:${server.config.server.port}/`;
});

afterAll(async () => {
  await server?.close();
});

/** The innermost active states the chart highlights, e.g. `auth.signedIn.idle`. */
function activeLeaves(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const active = [...document.querySelectorAll('[data-testid=inspector-chart] g.active[data-state]')].map((box) => box.getAttribute('data-state')!);
    return active.filter((id) => !active.some((other) => other.startsWith(`${id}.`)));
  });
}

/** Records every set of active leaves the chart shows, however briefly. */
async function watchActiveLeaves(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __activeSeen: string[] }).__activeSeen = seen;
    const record = () => {
      const active = [...document.querySelectorAll('[data-testid=inspector-chart] g.active[data-state]')].map((box) => box.getAttribute('data-state')!);
      const leaves = active.filter((id) => !active.some((other) => other.startsWith(`${id}.`))).join(',');
      if (leaves && seen.at(-1) !== leaves) seen.push(leaves);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { __activeSeen: string[] }).__activeSeen);
}

/**
 * Records what every change of the page puts into the DOM (added nodes, changed text and
 * attributes), however briefly it stays: checked against the secrets at the end.
 */
async function recordDomChanges(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [document.documentElement.outerHTML];
    (window as unknown as { __domSeen: string[] }).__domSeen = seen;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'characterData') seen.push(mutation.target.textContent ?? '');
        if (mutation.type === 'attributes') seen.push((mutation.target as Element).getAttribute(mutation.attributeName!) ?? '');
        for (const node of mutation.addedNodes) seen.push(node instanceof Element ? node.outerHTML : (node.textContent ?? ''));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __domSeen: string[] }).__domSeen);
}

describe('the local statechart inspector', () => {
  it('shows the session move from signedOut to signedIn, through a refresh, and back, with no secret in the page at any moment', { timeout: 45_000 }, async () => {
    const user = e2e.demoUser;
    const page = await openPage(browser(), { width: 1400, height: 1300 });
    // Every secret the user pool hands out during the run, as the network sees it.
    const secrets = new Set([user.password]);
    page.on('response', async (response) => {
      if (new URL(response.url()).origin !== new URL(e2e.userAuthEndpoint).origin) return;
      const body = (await response.json().catch(() => ({}))) as { AuthenticationResult?: Record<string, unknown>; Session?: string };
      for (const value of [...Object.values(body.AuthenticationResult ?? {}), body.Session]) {
        if (typeof value === 'string' && value.length > 8) secrets.add(value);
      }
    });
    async function expectNoSecretInPage(step: string) {
      const html = await page.evaluate(() => document.documentElement.outerHTML);
      for (const secret of secrets) expect(html.includes(secret), `a secret in the DOM ${step}`).toBe(false);
      expect(html, `a JWT in the DOM ${step}`).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}/);
    }
    const inspector = page.getByTestId('statechart-inspector');

    await page.goto(url(appUrl, '/sign-in?inspect=local'));
    const domChanges = await recordDomChanges(page);
    await page.locator('[data-testid=inspector-chart][data-ready=true]').waitFor({ timeout: 15_000 });
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.signedOut.idle']);
    // Every state of the definition is drawn.
    expect(await page.locator('[data-testid=inspector-chart] g[data-state]').count()).toBeGreaterThan(30);
    await screenshot(page, 'local-inspector-signed-out');
    await expectNoSecretInPage('when signed out');

    // A code by email (a challenge session), then back to the choice and the password (another).
    await page.getByLabel('Username').fill(user.username);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.authenticating.mfaCode']);
    await expectNoSecretInPage('at the code');
    await page.getByRole('button', { name: 'Another way' }).click();
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.authenticating.selectingChallenge']);
    await page.locator('[data-choice="PASSWORD"]').click();
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(url(appUrl, '/dashboard'));
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.signedIn.idle']);
    await expect(inspector.getByTestId('inspector-timers').textContent()).resolves.toContain('after refreshDue');
    await screenshot(page, 'local-inspector-signed-in');
    await expectNoSecretInPage('when signed in');

    const seen = await watchActiveLeaves(page);
    await inspector.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(seen).toEqual(expect.arrayContaining(['auth.refreshing.locked.requesting']));
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.signedIn.idle']);
    const order = await seen();
    expect(order.lastIndexOf('auth.signedIn.idle')).toBeGreaterThan(order.indexOf('auth.refreshing.locked.requesting'));
    // The transition just taken is marked with its event.
    await expect(page.locator('[data-testid=inspector-chart] g.taken').first().textContent()).resolves.toContain('done refreshSession');
    await screenshot(page, 'local-inspector-refreshed');
    // The view alone, as the README shows it (docs/local-inspector.png is a copy).
    await inspector.screenshot({ path: `${ARTIFACTS_DIR}/local-inspector-view.png` });
    await expectNoSecretInPage('after the refresh');

    // A past entry shows the snapshot it led to (redacted), and the chart as it was then.
    await inspector.getByTestId('inspector-log').getByText('→ refreshing.locked.requesting').first().click();
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.refreshing.locked.requesting']);
    await expect(inspector.getByTestId('inspector-snapshot').textContent()).resolves.toContain('[redacted]');
    await screenshot(page, 'local-inspector-past-snapshot');
    // Every entry's snapshot, from start-up on: the challenges' included.
    const entries = inspector.getByTestId('inspector-log').locator('li button');
    const count = await entries.count();
    expect(count).toBeGreaterThan(10);
    for (let index = 0; index < count; index++) await entries.nth(index).click();
    await expectNoSecretInPage('showing past snapshots');
    await inspector.getByRole('button', { name: 'back to live' }).click();

    await inspector.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => activeLeaves(page)).toEqual(['auth.signedOut.idle']);
    await screenshot(page, 'local-inspector-signed-out-again');
    await expectNoSecretInPage('after signing out');
    // The session panel's button hides the inspector.
    await page.getByRole('complementary', { name: 'Session panel' }).getByRole('button', { name: 'Statechart' }).click();
    await expect.poll(() => inspector.count()).toBe(0);

    // Two challenge sessions, the tokens of the sign-in and of the refresh, the password.
    expect(secrets.size).toBeGreaterThan(6);
    const everything = (await domChanges()).join('\n');
    for (const secret of secrets) expect(everything.includes(secret), 'a secret in the DOM at some moment').toBe(false);
    expect(everything).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}/);
    await page.context().close();
  });
});
