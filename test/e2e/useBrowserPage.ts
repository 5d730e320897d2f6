import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { openPage } from './appPage.js';
import { useBrowser } from './useBrowser.js';

export interface BrowserPage {
  browser: () => Browser;
  /** The current test's page; each test gets a new one. */
  page: () => Page;
}

/**
 * useBrowser, plus a page in a fresh context for every test, so no test sees another's storage.
 * Getters, not values: the page is replaced before each test.
 */
export function useBrowserPage(): BrowserPage {
  const browser = useBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await openPage(browser());
  });

  afterEach(async () => {
    await page.context().close();
  });

  return { browser, page: () => page };
}
