import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../test/support/launchChromium.js';
import { buildTabPages } from './buildTabPages.js';
import { measureTabs, type TabsResult } from './measureTabs.js';
import { TABS_LATENCY_MS } from './runBrowserBenches.js';
import { servePages } from './servePages.js';

const PAGES_OUT_DIR = fileURLToPath(new URL('../.build/pages/', import.meta.url));
/** 30-second tokens refresh about every 15 s; a little slack per cycle. */
const MS_PER_CYCLE = 20_000;

/**
 * authchart's tabs over many expiry cycles, where a rare race shows: `tabs` pages sharing one
 * session, +400 ms on every Cognito call, all asking for tokens at the same moments.
 */
export async function runTabsSoak(cognitoEndpoint: string, options: { tabs: number; cycles: number }): Promise<TabsResult> {
  await buildTabPages(PAGES_OUT_DIR);
  const pages = await servePages(PAGES_OUT_DIR);
  try {
    const browser = await launchChromium();
    try {
      return await measureTabs({
        browser,
        cognitoEndpoint,
        pagesOrigin: pages.origin,
        library: 'authchart',
        tabs: options.tabs,
        cycles: options.cycles,
        latencyMs: TABS_LATENCY_MS,
        timeoutMs: options.cycles * MS_PER_CYCLE + 60_000,
      });
    } finally {
      await browser.close();
    }
  } finally {
    await pages.stop();
  }
}
