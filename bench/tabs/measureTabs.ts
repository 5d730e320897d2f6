import type { Browser, Page } from 'playwright-core';
import { setTimeout as delay } from 'node:timers/promises';
import { LOCAL_POOL } from '../../dev/localPool.js';
import type { TabReport } from '../pages/tabHarness.js';
import { withTimeout } from '../support/withTimeout.js';
import { startCognitoProxy, type ProxiedCall } from '../support/startCognitoProxy.js';
import { tabPageUrl, type TabsLibrary } from './tabPageUrl.js';

export interface TabsOptions {
  browser: Browser;
  /** cognito-local's endpoint (the tokens' issuer domain). */
  cognitoEndpoint: string;
  /** Where the built bench pages are served. */
  pagesOrigin: string;
  library: TabsLibrary;
  tabs: number;
  /** Expiry cycles to observe. */
  cycles: number;
  /** Added to every Cognito call. */
  latencyMs: number;
  /** Gives up after this long, reporting what it saw. */
  timeoutMs: number;
}

export interface TabsResult {
  library: TabsLibrary;
  tabs: number;
  latencyMs: number;
  /** Refresh requests that reached the emulator in each expiry cycle (a burst of requests). */
  refreshesPerCycle: number[];
  /** Other Cognito calls during the run, by operation. */
  otherCalls: Record<string, number>;
  /** Cognito calls made while tabs 2…N opened on a signed-in session (restore). */
  callsWhileOpeningTabs: number;
  /** Refresh requests the emulator refused. */
  failedRefreshes: number;
  tabReports: TabReport[];
  pageErrors: string[];
  durationMs: number;
  timedOut: boolean;
}

/** Refresh requests closer together than this belong to one cycle (cycles are 15 s or more apart). */
const CYCLE_GAP_MS = 5_000;
/** A cycle is complete once no refresh request has come for this long. */
const SETTLE_MS = 3_000;
const POLL_MS = 250;
const SIGN_IN_TIMEOUT_MS = 15_000;

/**
 * Opens `tabs` pages of one library in one browser context (shared localStorage, BroadcastChannel
 * and Web Locks), signs in once, lets every tab ask for tokens at the same moments, and counts
 * the refresh requests that reach the emulator (through a proxy that adds `latencyMs`) per cycle.
 */
export async function measureTabs(options: TabsOptions): Promise<TabsResult> {
  const started = performance.now();
  const proxy = await startCognitoProxy({ target: options.cognitoEndpoint, latencyMs: options.latencyMs });
  const context = await options.browser.newContext();
  const pageErrors: string[] = [];
  const notePageError = (text: string) => {
    if (pageErrors.length < 20) pageErrors.push(text);
  };
  try {
    const url = tabPageUrl(options.pagesOrigin, options.library, proxy.endpoint, options.cognitoEndpoint);
    const open = async (): Promise<Page> => {
      const page = await context.newPage();
      page.on('pageerror', (error) => notePageError(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') notePageError(`console: ${message.text()}`);
      });
      await page.goto(url);
      await page.waitForFunction(() => window.benchTab !== undefined, undefined, { timeout: 10_000 });
      return page;
    };

    const first = await open();
    const { username, password } = LOCAL_POOL.demoUser;
    await withTimeout(first.evaluate(([u, p]) => window.benchTab!.signIn(u!, p!), [username, password]), SIGN_IN_TIMEOUT_MS, 'sign-in');
    const callsBefore = proxy.calls.length;
    const pages = [first];
    for (let index = 1; index < options.tabs; index++) pages.push(await open());
    // Let the new tabs settle (restore, or whatever the library does on load).
    await delay(1_000);
    const callsWhileOpeningTabs = proxy.calls.length - callsBefore;

    proxy.reset();
    await Promise.all(pages.map((page) => page.evaluate(() => window.benchTab!.start())));
    const deadline = performance.now() + options.timeoutMs;
    let timedOut = false;
    for (;;) {
      const cycles = groupIntoCycles(proxy.refreshCalls());
      const last = cycles.at(-1)?.at(-1);
      const settled = last !== undefined && performance.now() - last.at > SETTLE_MS;
      if (cycles.length >= options.cycles && settled) break;
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      await delay(POLL_MS);
    }
    await withTimeout(Promise.all(pages.map((page) => page.evaluate(() => window.benchTab!.stop()))), 10_000, 'stopping the tabs');
    const tabReports = await withTimeout(
      Promise.all(pages.map((page) => page.evaluate(() => window.benchTab!.report()))),
      10_000,
      'reading the tab reports',
    );

    const otherCalls: Record<string, number> = {};
    for (const call of proxy.calls.filter((c) => !c.refresh)) {
      const name = call.authFlow ? `${call.operation} ${call.authFlow}` : call.operation;
      otherCalls[name] = (otherCalls[name] ?? 0) + 1;
    }
    return {
      library: options.library,
      tabs: options.tabs,
      latencyMs: options.latencyMs,
      refreshesPerCycle: groupIntoCycles(proxy.refreshCalls()).slice(0, options.cycles).map((cycle) => cycle.length),
      otherCalls,
      callsWhileOpeningTabs,
      failedRefreshes: proxy.refreshCalls().filter((call) => call.status !== 200).length,
      tabReports,
      pageErrors,
      durationMs: Math.round(performance.now() - started),
      timedOut,
    };
  } finally {
    await context.close();
    await proxy.stop();
  }
}

/** Splits refresh requests into bursts: one burst per expiry cycle. */
function groupIntoCycles(calls: ProxiedCall[]): ProxiedCall[][] {
  const cycles: ProxiedCall[][] = [];
  for (const call of calls) {
    const current = cycles.at(-1);
    if (current && call.at - current.at(-1)!.at < CYCLE_GAP_MS) current.push(call);
    else cycles.push([call]);
  }
  return cycles;
}
