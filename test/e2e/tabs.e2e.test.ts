// Three tabs of one browser on 30-second tokens: one refresh per expiry cycle reaches Cognito,
// with 400 ms added to every Cognito call (at loopback speed even uncoordinated tabs would
// happen to refresh once); sign-out and sign-in in one tab reach the others.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { authState, pathOf, signIn, url } from './appPage.js';
import { createUser } from './cognitoAdmin.js';
import { useBrowser } from './useBrowser.js';

const e2e = inject('e2e');
const WATCH_MS = 120_000;
const LATENCY_MS = 400;
const browser = useBrowser();

interface CognitoCall {
  at: number;
  operation: string;
  refresh: boolean;
  /** Which tab sent it (page index in the context), Cognito's answer and when it came back. */
  tab: number;
  status: number;
  end: number;
}

/** Every Cognito request of the context, slowed by LATENCY_MS and recorded. */
async function slowAndCountCognito(context: BrowserContext): Promise<CognitoCall[]> {
  const calls: CognitoCall[] = [];
  const cognitoOrigin = new URL(e2e.cognitoEndpoint).origin;
  await context.route(
    (requestUrl) => requestUrl.origin === cognitoOrigin,
    async (route) => {
      const request = route.request();
      const operation = (request.headers()['x-amz-target'] ?? '').split('.').pop() ?? '';
      const body = request.postData() ?? '';
      const tab = context.pages().indexOf(request.frame().page());
      const refresh = operation === 'GetTokensFromRefreshToken' || body.includes('REFRESH_TOKEN_AUTH');
      const call = { at: Date.now(), operation, refresh, tab, status: 0, end: Number.POSITIVE_INFINITY };
      calls.push(call);
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      const response = await route.fetch();
      call.status = response.status();
      call.end = Date.now();
      await route.fulfill({ response });
    },
  );
  return calls;
}

/** Refresh requests grouped into expiry cycles: bursts more than 5 s apart. */
function cycles(calls: CognitoCall[]): CognitoCall[][] {
  const groups: CognitoCall[][] = [];
  for (const call of calls.filter((c) => c.refresh)) {
    const last = groups.at(-1);
    if (last && call.at - last.at(-1)!.at < 5_000) last.push(call);
    else groups.push([call]);
  }
  return groups;
}

async function openTabs(context: BrowserContext, count: number, path: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (let index = 0; index < count; index++) {
    const page = await context.newPage();
    await page.goto(url(e2e.shortAppUrl, path));
    pages.push(page);
  }
  return pages;
}

describe('three tabs, one session', () => {
  it('one refresh per expiry cycle across three tabs for two minutes', { timeout: WATCH_MS + 60_000 }, async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'tabs');
    const context = await browser().newContext();
    const calls = await slowAndCountCognito(context);
    const [first] = await openTabs(context, 1, '/sign-in');
    await signIn(first!, e2e.shortAppUrl, user);
    await first!.waitForURL(url(e2e.shortAppUrl, '/dashboard'));
    const others = await openTabs(context, 2, '/dashboard');
    for (const page of others) await expect.poll(() => authState(page)).toBe('signedIn');

    await first!.waitForTimeout(WATCH_MS);

    const found = cycles(calls);
    // A refresh is a REFRESH_TOKEN_AUTH that worked; a failed one retried by the same tab is a
    // retry, not a second refresh, so it is reported but does not count.
    const perCycle = found.map((cycle) => cycle.filter((call) => call.operation === 'InitiateAuth' && call.status === 200).length);
    const refreshes = calls.filter((call) => call.refresh);
    const overlapping = refreshes.filter((a) => refreshes.some((b) => a !== b && a.tab !== b.tab && a.at < b.end && b.at < a.end));
    console.log(
      `3 tabs, ${WATCH_MS / 1000} s on 30-second tokens (+${LATENCY_MS} ms per Cognito call): ${found.length} cycles, ` +
        `REFRESH_TOKEN_AUTH per cycle ${perCycle.join(',')}; GetTokensFromRefreshToken tries ${calls.filter((c) => c.operation === 'GetTokensFromRefreshToken').length}`,
    );
    const describeCycle = (cycle: CognitoCall[]) =>
      cycle.map((c) => `tab${c.tab} ${c.operation} ${c.status} +${c.at - cycle[0]!.at}ms`).join('; ');
    for (const cycle of found) console.log(`  cycle: ${describeCycle(cycle)}`);
    expect(found.length).toBeGreaterThanOrEqual(6);
    expect(perCycle.every((count) => count === 1), `refreshes per cycle: ${perCycle.join(',')}`).toBe(true);
    expect(overlapping.map((call) => `tab${call.tab} ${call.operation} at ${call.at}`), 'tabs refreshing at the same time').toEqual([]);
    // `auto` tries GetTokensFromRefreshToken once per tab that refreshes; cognito-local lacks it.
    expect(calls.filter((c) => c.operation === 'GetTokensFromRefreshToken').length).toBeLessThanOrEqual(3);
    for (const page of [first!, ...others]) expect(['signedIn', 'refreshing']).toContain(await authState(page));
    // A request may still be in its latency wait: let it end quietly with the context.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });

  it('sign-out in one tab guards the others within a second; sign-in in one signs in the others', { timeout: 60_000 }, async () => {
    const user = await createUser(e2e.cognitoEndpoint, 'tabsout');
    const context = await browser().newContext();
    const [first] = await openTabs(context, 1, '/sign-in');
    await signIn(first!, e2e.shortAppUrl, user);
    await first!.waitForURL(url(e2e.shortAppUrl, '/dashboard'));
    const others = await openTabs(context, 2, '/dashboard');
    for (const page of others) await expect.poll(() => authState(page)).toBe('signedIn');

    await first!.getByRole('button', { name: 'Sign out' }).click();
    const signedOutAt = Date.now();
    for (const page of others) {
      await expect.poll(() => pathOf(page), { timeout: 1_000, interval: 50 }).toMatch(/^\/sign-in\?returnTo=%2Fdashboard/);
      expect(await authState(page)).toBe('signedOut');
    }
    console.log(`sign-out reached the other tabs' guards in ${Date.now() - signedOutAt} ms`);

    await signIn(first!, e2e.shortAppUrl, user);
    for (const page of others) await expect.poll(() => authState(page), { timeout: 2_000, interval: 50 }).toBe('signedIn');
    // A request may still be in its latency wait: let it end quietly with the context.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
