import type { Browser } from 'playwright-core';
import type { SrpProofResult } from '../behaviour/measureSrpProof.js';
import { withTimeout } from '../support/withTimeout.js';

/** The SRP proof bench page (bench/pages/srpProof.js) in chromium: medians per library. */
export async function measureSrpInBrowser(browser: Browser, pagesOrigin: string, runs = 30): Promise<SrpProofResult> {
  const page = await browser.newPage();
  try {
    await page.goto(`${pagesOrigin}/srpProof.html`);
    await page.waitForFunction(() => 'srpProof' in window, undefined, { timeout: 10_000 });
    const result = await withTimeout(
      page.evaluate((count) => (window as unknown as { srpProof(runs: number): Promise<Omit<SrpProofResult, 'runs'>> }).srpProof(count), runs),
      120_000,
      'the SRP proof page',
    );
    return { runs, ...result };
  } finally {
    await page.close();
  }
}
