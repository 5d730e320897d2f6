import type { Browser } from 'playwright-core';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { withTimeout } from '../support/withTimeout.js';
import { startCognitoProxy } from '../support/startCognitoProxy.js';
import { median, percentile } from '../support/stats.js';
import { tabPageUrl, type TabsLibrary } from './tabPageUrl.js';

export interface PageRestoreResult {
  library: TabsLibrary;
  reloads: number;
  /** From the client's creation to its first answer with tokens, on each reload. */
  medianMs: number;
  p90Ms: number;
  /** Reloads whose first answer had tokens (all of them, or the figure is wrong). */
  withTokens: number;
  /** Cognito calls during all the reloads. */
  cognitoCalls: number;
}

const READY_TIMEOUT_MS = 10_000;
const SIGN_IN_TIMEOUT_MS = 15_000;

/**
 * A page reload on a signed-in session, in chromium with `localStorage`: how long from creating
 * the library's client until it gives tokens, and whether that calls Cognito. One page at a time.
 */
export async function measurePageRestore(options: {
  browser: Browser;
  cognitoEndpoint: string;
  pagesOrigin: string;
  library: TabsLibrary;
  reloads: number;
}): Promise<PageRestoreResult> {
  const proxy = await startCognitoProxy({ target: options.cognitoEndpoint });
  const context = await options.browser.newContext();
  try {
    const page = await context.newPage();
    const ready = async () => {
      await page.waitForFunction(() => window.benchTab?.report().firstAnswered === true, undefined, { timeout: READY_TIMEOUT_MS });
      return page.evaluate(() => window.benchTab!.report().firstTokensMs);
    };
    await page.goto(tabPageUrl(options.pagesOrigin, options.library, proxy.endpoint, options.cognitoEndpoint));
    await ready();
    const { username, password } = LOCAL_POOL.demoUser;
    await withTimeout(page.evaluate(([u, p]) => window.benchTab!.signIn(u!, p!), [username, password]), SIGN_IN_TIMEOUT_MS, 'sign-in');
    // One unmeasured reload: the first load after sign-in may still be writing.
    await page.reload();
    await ready();
    proxy.reset();
    const times: number[] = [];
    for (let reload = 0; reload < options.reloads; reload++) {
      await page.reload();
      const ms = await ready();
      if (ms !== null) times.push(ms);
    }
    return {
      library: options.library,
      reloads: options.reloads,
      medianMs: median(times),
      p90Ms: percentile(times, 90),
      withTokens: times.length,
      cognitoCalls: proxy.calls.length,
    };
  } finally {
    await context.close();
    await proxy.stop();
  }
}
