import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../support/launchChromium.js';

/**
 * One chromium for the whole file, launched before its first test and closed after its last.
 * A getter, not the browser itself: the browser exists only once beforeAll has run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    // Undefined when the launch itself failed: that failure is the one to report.
    await browser?.close();
  });

  return () => browser;
}
