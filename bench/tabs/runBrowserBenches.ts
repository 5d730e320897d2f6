import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../test/support/launchChromium.js';
import { buildTabPages } from './buildTabPages.js';
import type { SrpProofResult } from '../behaviour/measureSrpProof.js';
import { measurePageRestore, type PageRestoreResult } from './measurePageRestore.js';
import { measureSrpInBrowser } from './measureSrpInBrowser.js';
import { measureTabs, type TabsResult } from './measureTabs.js';
import { servePages } from './servePages.js';
import type { TabsLibrary } from './tabPageUrl.js';

const PAGES_OUT_DIR = fileURLToPath(new URL('../.build/pages/', import.meta.url));
const SCENARIOS: { library: TabsLibrary; tabs: number }[] = [
  { library: 'authchart', tabs: 3 },
  { library: 'authchart', tabs: 5 },
  { library: 'amplify', tabs: 3 },
  { library: 'amplify', tabs: 5 },
];
export const TABS_CYCLES = 3;
export const TABS_LATENCY_MS = 400;
export const PAGE_RELOADS = 20;
/** 30-second tokens: Amplify renews 5 s before expiry, so 3 cycles take about 80 s. */
const SCENARIO_TIMEOUT_MS = 150_000;

export interface BrowserResults {
  pageRestore: PageRestoreResult[];
  tabs: TabsResult[];
  srpProof: SrpProofResult;
  browserVersion: string;
}

/**
 * In one chromium: page reloads on a session, one library at a time; then authchart and Amplify
 * with 3 and 5 tabs each (a context per scenario), all four scenarios at once to keep the run
 * short: each has its own pages, storage and counting proxy.
 */
export async function runBrowserBenches(cognitoEndpoint: string, log: (line: string) => void): Promise<BrowserResults> {
  await buildTabPages(PAGES_OUT_DIR);
  const pages = await servePages(PAGES_OUT_DIR);
  try {
    const browser = await launchChromium();
    try {
      const pageRestore: PageRestoreResult[] = [];
      for (const library of ['authchart', 'amplify'] as const) {
        const result = await measurePageRestore({ browser, cognitoEndpoint, pagesOrigin: pages.origin, library, reloads: PAGE_RELOADS });
        log(`browser: ${library} page reload → tokens, median ${result.medianMs.toFixed(1)} ms, ${result.cognitoCalls} Cognito calls`);
        pageRestore.push(result);
      }
      // Alone in the browser: CPU-bound, timed before the tabs run.
      const srpProof = await measureSrpInBrowser(browser, pages.origin);
      log(`browser: SRP proof ${srpProof.authchartMs.toFixed(1)} ms vs Amplify ${srpProof.amplifyMs.toFixed(1)} ms`);
      const tabs = await Promise.all(
        SCENARIOS.map(async (scenario) => {
          const result = await measureTabs({
            browser,
            cognitoEndpoint,
            pagesOrigin: pages.origin,
            ...scenario,
            cycles: TABS_CYCLES,
            latencyMs: TABS_LATENCY_MS,
            timeoutMs: SCENARIO_TIMEOUT_MS,
          });
          log(`browser: ${scenario.library}, ${scenario.tabs} tabs: refreshes per cycle ${result.refreshesPerCycle.join(', ')}`);
          return result;
        }),
      );
      return { pageRestore, tabs, srpProof, browserVersion: browser.version() };
    } finally {
      await browser.close();
    }
  } finally {
    await pages.stop();
  }
}
