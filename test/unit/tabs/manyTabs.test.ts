import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createAuth, memoryStorage, type Auth } from '../../../machines/index.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { InProcessLock, InProcessTabHub } from '../../support/inProcessTabs.js';
import { laggingView } from '../../support/laggingStorage.js';
import { RotatingCognito } from '../../support/RotatingCognito.js';
import { flush } from '../../support/ScriptedActors.js';

const LIFETIME_SECONDS = 60;
const LATENCY_MS = 400;
const LOCK_TIMEOUT_MS = 15_000;

/**
 * Tabs of one browser, in one process: shared storage, channel and lock; one rotating Cognito.
 * `idleTimeoutMinutes` turns the idle timeout on; `activity(index)` is then the user acting in a tab.
 */
function browser(tabCount: number, options: { idleTimeoutMinutes?: number; laggingTab?: number; messageDelayMs?: number } = {}) {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const hub = new InProcessTabHub(options.messageDelayMs === undefined ? undefined : { clock, delayMs: options.messageDelayMs });
  const lock = new InProcessLock(clock, LOCK_TIMEOUT_MS);
  const cognito = new RotatingCognito(clock, LIFETIME_SECONDS, LATENCY_MS);
  const storage = memoryStorage('shared local');
  const expiredTabs = new Set<number>();
  const activityListeners: (() => void)[] = [];
  const tabs: Auth[] = Array.from({ length: tabCount }, (_, index) => {
    const tab = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: TEST_POOL.userPoolId,
      clientId: TEST_POOL.clientId,
      storage: index === options.laggingTab ? laggingView(storage) : storage,
      transport: cognito,
      clock,
      tabs: { channel: hub.channel(), lock: lock.forTab(index / (2 * tabCount)) },
      ...(options.idleTimeoutMinutes === undefined
        ? {}
        : {
            idleTimeoutMinutes: options.idleTimeoutMinutes,
            activity: {
              subscribe: (listener: () => void) => {
                activityListeners[index] = listener;
                return () => undefined;
              },
            },
          }),
    });
    tab.actor.subscribe((snapshot) => {
      if (snapshot.matches('expired')) expiredTabs.add(index);
    });
    return tab;
  });

  /** Moves simulated time forward in small steps, letting every promise and message settle. */
  async function advance(ms: number, step = 200) {
    for (let elapsed = 0; elapsed < ms; elapsed += step) {
      clock.increment(step);
      await flush();
    }
  }

  async function signIn(tab: Auth) {
    const done = tab.signIn({ username: 'demo', password: 'pw' });
    await advance(LATENCY_MS * 2);
    await done;
    await flush();
  }

  function activity(index: number) {
    activityListeners[index]?.();
  }

  return { clock, hub, lock, cognito, storage, tabs, expiredTabs, advance, signIn, activity };
}

describe('many tabs, one session', () => {
  it.each([3, 5])('%i tabs refresh once per expiry cycle over 100 cycles, with rotation and no reuse', async (count) => {
    const { tabs, cognito, expiredTabs, advance, signIn, lock } = browser(count);
    await signIn(tabs[0]!);
    expect(tabs.every((tab) => tab.actor.getSnapshot().matches('signedIn'))).toBe(true);

    // Run until 100 refreshes (a cycle is a little under half the lifetime), bounded in time.
    const halfLifetimeMs = (LIFETIME_SECONDS / 2) * 1000;
    for (let rounds = 0; cognito.refreshRequests.length < 100 && rounds < 400; rounds++) await advance(10_000);

    expect(cognito.refreshRequests).toHaveLength(100);
    expect(cognito.reuses).toEqual([]);
    const gaps = cognito.refreshRequests.slice(1).map((at, index) => at - cognito.refreshRequests[index]!);
    // One request per cycle: the next one comes a cycle later, never within the same expiry.
    expect(Math.min(...gaps), 'two refreshes in one cycle').toBeGreaterThanOrEqual(halfLifetimeMs - 3_000);
    expect([...expiredTabs]).toEqual([]);
    const idTokens = new Set(tabs.map((tab) => tab.actor.getSnapshot().context.session?.tokens.idToken));
    expect(idTokens.size).toBe(1);
    const refreshedBy = tabs.map((tab) => tab.actor.getSnapshot().context.refreshCount);
    expect(refreshedBy.reduce((sum, n) => sum + n, 0)).toBe(100);
    console.log(`${count} tabs, 100 cycles: ${cognito.refreshRequests.length} refresh requests (per tab: ${refreshedBy.join(', ')}); longest lock wait ${lock.longestWaitMs} ms`);
    for (const tab of tabs) tab.stop();
  });

  it('a tab that died holding the lock blocks the others no longer than the lock timeout', async () => {
    const { tabs, cognito, expiredTabs, advance, signIn, lock } = browser(4);
    await signIn(tabs[0]!);
    lock.holdForever();
    await advance(3 * 60_000);
    expect(cognito.refreshRequests.length).toBeGreaterThanOrEqual(4);
    expect(cognito.reuses).toEqual([]);
    expect(lock.longestWaitMs).toBeLessThanOrEqual(LOCK_TIMEOUT_MS * 1.5 + 200);
    expect([...expiredTabs]).toEqual([]);
    expect(tabs.every((tab) => tab.actor.getSnapshot().matches('signedIn'))).toBe(true);
    console.log(`dead lock holder: longest wait ${lock.longestWaitMs} ms, ${cognito.refreshRequests.length} refreshes in 3 minutes`);
    for (const tab of tabs) tab.stop();
  });

  it("counts one tab's activity in the others without echoing it back, and ends idle sessions everywhere", async () => {
    const { clock, hub, tabs, advance, signIn, activity } = browser(2, { idleTimeoutMinutes: 5 });
    await signIn(tabs[0]!);
    await advance(10_000);
    const activeBefore = hub.posted.filter((message) => message.kind === 'active').length;
    activity(0);
    await flush();
    await advance(1_000);
    // One user action, one message: the other tab records it but does not announce it again.
    expect(hub.posted.filter((message) => message.kind === 'active').length - activeBefore).toBe(1);
    const actedAt = tabs[0]!.actor.getSnapshot().context.lastActivityAt;
    expect(tabs[1]!.actor.getSnapshot().context.lastActivityAt).toBe(actedAt);

    // No activity from then on: both tabs warn, then sign out for idleness.
    await advance(5 * 60_000 + 60_000 + 10_000, 5_000);
    expect(clock.now() - actedAt).toBeGreaterThan(6 * 60_000);
    // The first tab to time out signs out for idleness and tells the other, which may already be on its way.
    expect(tabs.map((tab) => tab.actor.getSnapshot().value)).toEqual([{ signedOut: 'idle' }, { signedOut: 'idle' }]);
    const reasons = tabs.map((tab) => tab.actor.getSnapshot().context.endReason);
    expect(reasons).toContain('idle');
    for (const reason of reasons) expect(['idle', 'otherTab']).toContain(reason);
  });

  it('sign-out in one tab signs out every tab, with reason otherTab', async () => {
    const { tabs, advance, signIn } = browser(3);
    await signIn(tabs[1]!);
    const signOut = tabs[1]!.signOut();
    await advance(LATENCY_MS * 2);
    await signOut;
    await flush();
    const [first, , third] = tabs.map((tab) => tab.actor.getSnapshot());
    expect(first!.matches('signedOut') && third!.matches('signedOut')).toBe(true);
    expect(first!.context.endReason).toBe('otherTab');
    expect(first!.context.session).toBeNull();
    for (const tab of tabs) tab.stop();
  });

  // A session another tab found expired or revoked is over here too: the user is asked to sign in
  // again (expired, keeping where they were), and the app can say why.
  it.each(['expired', 'revoked'] as const)('a session that ended elsewhere as %s is expired here, for the same reason', async (reason) => {
    const { tabs, signIn } = browser(1);
    await signIn(tabs[0]!);
    tabs[0]!.actor.send({ type: 'SIGNED_OUT_ELSEWHERE', reason });
    const snapshot = tabs[0]!.actor.getSnapshot();
    expect(snapshot.value).toBe('expired');
    expect(snapshot.context).toMatchObject({ endReason: reason, session: null });
    for (const tab of tabs) tab.stop();
  });

  it("clears storage when another tab's sign-out crossed this tab's refresh, but never a newer sign-in", async () => {
    const { tabs, storage, signIn } = browser(1);
    const key = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);
    await signIn(tabs[0]!);
    // The tab has just stored refreshed tokens when an "ended" sent before them arrives.
    expect(storage.getItem(key)).not.toBeNull();
    tabs[0]!.actor.send({ type: 'SIGNED_OUT_ELSEWHERE', reason: 'user' });
    expect(storage.getItem(key)).toBeNull();

    // Here the late "ended" finds what another tab stored since (a new sign-in): it stays.
    await signIn(tabs[0]!);
    storage.setItem(key, 'a session another tab stored since');
    tabs[0]!.actor.send({ type: 'SIGNED_OUT_ELSEWHERE', reason: 'user' });
    expect(storage.getItem(key)).toBe('a session another tab stored since');
    for (const tab of tabs) tab.stop();
  });

  it("a tab whose storage lags takes the refreshing tab's news from its message: one refresh a cycle, nobody expires", async () => {
    const { tabs, cognito, expiredTabs, advance, signIn } = browser(3, { laggingTab: 1 });
    await signIn(tabs[0]!);
    expect(tabs.every((tab) => tab.actor.getSnapshot().matches('signedIn'))).toBe(true);
    for (let rounds = 0; cognito.refreshRequests.length < 20 && rounds < 100; rounds++) await advance(10_000);

    expect(cognito.refreshRequests).toHaveLength(20);
    expect(cognito.reuses).toEqual([]);
    expect([...expiredTabs]).toEqual([]);
    const idTokens = new Set(tabs.map((tab) => tab.actor.getSnapshot().context.session?.tokens.idToken));
    expect(idTokens.size).toBe(1);
    for (const tab of tabs) tab.stop();
  });

  it("a tab granted the lock before the last refresh's news arrives waits for it: one refresh a cycle", async () => {
    // Chromium's order: the lock is granted about 1 ms after the holder lets go, its message
    // arrives 4–5 ms later, and the granted tab's storage still shows the old session.
    const { tabs, cognito, expiredTabs, advance, signIn } = browser(5, { laggingTab: 2, messageDelayMs: 5 });
    await signIn(tabs[0]!);
    await advance(1_000);
    for (let rounds = 0; cognito.refreshRequests.length < 20 && rounds < 100; rounds++) await advance(10_000);

    expect(cognito.reuses, 'a rotated-away refresh token was used').toEqual([]);
    const halfLifetimeMs = (LIFETIME_SECONDS / 2) * 1000;
    const gaps = cognito.refreshRequests.slice(1).map((at, index) => at - cognito.refreshRequests[index]!);
    expect(Math.min(...gaps), 'two refreshes in one cycle').toBeGreaterThanOrEqual(halfLifetimeMs - 3_000);
    expect([...expiredTabs]).toEqual([]);
    for (const tab of tabs) tab.stop();
  });

  it('a refresh crossing a sign-out in another tab does not sign that tab in again', async () => {
    // Messages take a second: tab 1's refresh is answered and announced before it hears of the sign-out.
    const { tabs, advance, signIn, storage } = browser(2, { messageDelayMs: 1_000 });
    const key = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);
    await signIn(tabs[0]!);
    await advance(1_200);
    expect(tabs[1]!.actor.getSnapshot().matches('signedIn')).toBe(true);

    tabs[1]!.actor.send({ type: 'REFRESH' });
    await advance(200);
    const signedOut = tabs[0]!.signOut();
    await advance(3_000);
    await signedOut;

    const [first, second] = tabs.map((tab) => tab.actor.getSnapshot());
    expect(first!.value, 'the tab that signed out').toEqual({ signedOut: 'idle' });
    expect(first!.context.endReason).toBe('user');
    expect(second!.matches('signedOut')).toBe(true);
    expect(storage.getItem(key)).toBeNull();
    for (const tab of tabs) tab.stop();
  });
});
