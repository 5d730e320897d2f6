// Web Locks in chromium, the browser's own navigator.locks: FakeLockManager (which the Node suite
// and the mutation run test the adapter against) must write the same trace, and the adapter
// itself must take the lock over from a frozen holder, on time, and never from a live one.
// Needs no app and no Cognito: a blank page on loopback, with the adapter's TypeScript
// transpiled as it is served.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_SCENARIO_TRACE } from '../support/lockScenario.js';
import { serveOnLoopback, type LoopbackServer } from '../support/serveOnLoopback.js';
import { openPage } from './appPage.js';
import { useBrowser } from './useBrowser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The only sources the page may load, as `/m/<path>.js`. */
const SERVED = ['machines/tabs/webLocksRefreshLock', 'machines/tabs/RefreshLock', 'test/support/lockScenario'];

const browser = useBrowser();
let server: LoopbackServer;
let page: Page;

beforeAll(async () => {
  server = await serveOnLoopback(
    createServer(async (request, response) => {
      const path = /^\/m\/(.+)\.js$/.exec(request.url ?? '')?.[1];
      if (path && SERVED.includes(path)) {
        const source = await readFile(`${ROOT}${path}.ts`, 'utf8');
        const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(outputText);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>locks</title>');
      }
    }),
  );
  page = await openPage(browser());
  await page.goto(`${server.origin}/`);
  // Two same-origin frames: two clients of the page's lock manager, as two tabs are.
  await page.evaluate(async () => {
    for (const id of ['tab0', 'tab1']) {
      const frame = Object.assign(document.createElement('iframe'), { id, src: '/' });
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    }
  });
});

afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

describe("chromium's navigator.locks", () => {
  it('writes the trace FakeLockManager is held to', async () => {
    const trace = await page.evaluate(`(async () => {
      const { lockScenario } = await import('/m/test/support/lockScenario.js');
      const frames = ['tab0', 'tab1'].map((id) => document.getElementById(id).contentWindow);
      return lockScenario(frames.map((frame) => frame.navigator.locks));
    })()`);
    expect(trace).toEqual(LOCK_SCENARIO_TRACE);
  });
});

/** tab0 holds the lock (forever, or for `holdMs`); tab1's adapter, with `timeoutMs`, acquires it. */
function takeover(holdMs: number | null, timeoutMs: number): Promise<{ waitedMs: number; holderOutcome: string; heldBy: string[] }> {
  return page.evaluate(`(async () => {
    const { webLocksRefreshLock } = await import('/m/machines/tabs/webLocksRefreshLock.js');
    const [holder, waiter] = ['tab0', 'tab1'].map((id) => document.getElementById(id).contentWindow.navigator.locks);
    const name = 'takeover-' + Math.random();
    let holderOutcome = 'still holding';
    holder
      .request(name, () => new Promise((resolve) => { if (${holdMs} !== null) setTimeout(() => resolve('released'), ${holdMs}); }))
      .then((value) => (holderOutcome = value), (error) => (holderOutcome = error.name));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const startedAt = performance.now();
    const release = await webLocksRefreshLock(name, ${timeoutMs}, { locks: waiter, random: () => 0 }).acquire(new AbortController().signal);
    const waitedMs = performance.now() - startedAt;
    const { held } = await waiter.query();
    const heldBy = held.filter((info) => info.name === name).map((info) => info.clientId);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { waitedMs, holderOutcome, heldBy };
  })()`);
}

describe('webLocksRefreshLock on chromium', () => {
  it('takes the lock from a holder frozen past the timeout, noticed at most a quarter of it late', async () => {
    const { waitedMs, holderOutcome, heldBy } = await takeover(null, 400);
    expect(waitedMs).toBeGreaterThanOrEqual(400 - 20);
    expect(waitedMs).toBeLessThan(400 * 1.25 + 150);
    expect(holderOutcome).toBe('AbortError');
    expect(heldBy).toHaveLength(1);
  });

  it('waits for a live holder that lets go before the timeout, and robs nobody', async () => {
    const { waitedMs, holderOutcome } = await takeover(250, 400);
    expect(waitedMs).toBeGreaterThanOrEqual(250 - 30);
    expect(waitedMs).toBeLessThan(400);
    expect(holderOutcome).toBe('released');
  });
});
