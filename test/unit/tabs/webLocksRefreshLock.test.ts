import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { webLocksRefreshLock } from '../../../machines/tabs/webLocksRefreshLock.js';
import { FakeLockManager } from '../../support/FakeLockManager.js';

const NAME = 'authchart:test';
const TIMEOUT_MS = 1_000;

/** One tab's lock; `random` stands in for Math.random, which spreads its patience by up to +50 %. */
function tabLock(locks: LockManager, random = 0, timeoutMs = TIMEOUT_MS) {
  return webLocksRefreshLock(NAME, timeoutMs, { locks, random: () => random });
}

const never = () => new AbortController().signal;

/** Takes the lock for `tab` and never lets it go: a tab frozen mid-refresh. */
async function freeze(tab: FakeLockManager) {
  await tabLock(tab).acquire(never());
}

/** Resolves to the time `acquiring` settles, or undefined while it is pending. */
function settledAt(acquiring: Promise<unknown>): () => number | undefined {
  let at: number | undefined;
  acquiring.then(
    () => (at = performance.now()),
    () => (at = performance.now()),
  );
  return () => at;
}

describe('webLocksRefreshLock (against FakeLockManager, a fake of navigator.locks)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes the lock at once when it is free, and leaves no timer behind', async () => {
    const [tab] = FakeLockManager.tabs(1);
    const release = await tabLock(tab!).acquire(never());
    expect(vi.getTimerCount()).toBe(0);
    expect((await tab!.query()).held).toEqual([{ name: NAME, mode: 'exclusive', clientId: 'tab-0' }]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect((await tab!.query()).held).toEqual([]);
  });

  it.each([
    [0, TIMEOUT_MS],
    [0.5, TIMEOUT_MS * 1.25],
  ])('steals from a holder slower than the timeout (random %s: after %s ms)', async (random, stealAt) => {
    const [frozen, waiting] = FakeLockManager.tabs(2);
    await freeze(frozen!);
    const acquiredAt = settledAt(tabLock(waiting!, random).acquire(never()));

    await vi.advanceTimersByTimeAsync(stealAt - 1);
    expect(acquiredAt()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(acquiredAt()).toBe(stealAt);
    expect(frozen!.steals).toEqual([{ name: NAME, from: 'tab-0', by: 'tab-1', heldForMs: stealAt }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('five tabs queued behind a slow holder: only a holder that held the lock past the timeout is robbed', async () => {
    const [slow, ...queued] = FakeLockManager.tabs(6);
    const releaseSlow = await tabLock(slow!).acquire(never());
    setTimeout(releaseSlow, 2 * TIMEOUT_MS);
    // Each queued tab refreshes within half the timeout once it has the lock, then lets it go.
    const granted: string[] = [];
    const done = queued.map(async (tab, index) => {
      const release = await tabLock(tab, index / 5).acquire(never());
      granted.push(tab.clientId);
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2));
      release();
    });

    await vi.advanceTimersByTimeAsync(6 * TIMEOUT_MS);
    await Promise.all(done);
    expect(slow!.steals).toEqual([{ name: NAME, from: 'tab-0', by: 'tab-1', heldForMs: TIMEOUT_MS }]);
    expect(granted).toEqual(['tab-1', 'tab-2', 'tab-3', 'tab-4', 'tab-5']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('robs a tab that stole the lock and froze too, once it has held it past the timeout', async () => {
    const [first, second, third] = FakeLockManager.tabs(3);
    await freeze(first!);
    const secondAcquired = settledAt(tabLock(second!, 0).acquire(never()));
    const thirdAcquired = settledAt(tabLock(third!, 0.8).acquire(never()));

    await vi.advanceTimersByTimeAsync(3 * TIMEOUT_MS);
    expect(secondAcquired()).toBe(TIMEOUT_MS);
    expect(thirdAcquired()).toBeDefined();
    const [, robbedSecond] = first!.steals;
    expect(robbedSecond).toMatchObject({ from: 'tab-1', by: 'tab-2' });
    // Held for the timeout (with the third tab's spread) at least, and noticed late by a quarter of it at most.
    expect(robbedSecond!.heldForMs).toBeGreaterThanOrEqual(TIMEOUT_MS * 1.4);
    expect(robbedSecond!.heldForMs).toBeLessThanOrEqual(TIMEOUT_MS * 1.4 * 1.25);
  });

  it('abort while waiting rejects, leaves no request queued and no timer pending', async () => {
    const [holder, waiting] = FakeLockManager.tabs(2);
    const releaseHolder = await tabLock(holder!).acquire(never());
    const controller = new AbortController();
    const acquiring = tabLock(waiting!).acquire(controller.signal);
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS / 2);

    controller.abort(new Error('left refreshing'));
    await expect(acquiring).rejects.toThrow('left refreshing');
    expect(vi.getTimerCount()).toBe(0);
    expect(await waiting!.query()).toEqual({ held: [{ name: NAME, mode: 'exclusive', clientId: 'tab-0' }], pending: [] });

    releaseHolder();
    await vi.advanceTimersByTimeAsync(2 * TIMEOUT_MS);
    expect(await waiting!.query()).toEqual({ held: [], pending: [] });
    expect(holder!.steals).toEqual([]);
  });

  it('a caller who gives up in the very turn the takeover begins steals nothing', async () => {
    // A steal granted to a caller who has left would hold the lock with nobody to release it.
    const [frozen, waiting] = FakeLockManager.tabs(2);
    await freeze(frozen!);
    const controller = new AbortController();
    // The caller's abort lands while the waiting request is being withdrawn for the takeover.
    const givingUp: LockManager = Object.assign(Object.create(waiting!) as FakeLockManager, {
      request: (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) => {
        options.signal?.addEventListener('abort', () => controller.abort(new Error('left refreshing')), { once: true });
        return waiting!.request(name, options, callback);
      },
    });
    const outcome = tabLock(givingUp).acquire(controller.signal).then(() => 'acquired', () => 'rejected');
    await vi.advanceTimersByTimeAsync(2 * TIMEOUT_MS);
    expect(controller.signal.aborted).toBe(true);
    expect(await outcome).toBe('rejected');
    expect(frozen!.steals).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('abort while the holder is being looked up sets no timer when the answer comes', async () => {
    const [holder, waiting] = FakeLockManager.tabs(2);
    await freeze(holder!);
    let answer: (snapshot: LockManagerSnapshot) => void = () => {};
    const slowQuery: LockManager = Object.assign(Object.create(waiting!) as FakeLockManager, {
      query: () => new Promise<LockManagerSnapshot>((resolve) => (answer = resolve)),
    });
    const controller = new AbortController();
    const acquiring = tabLock(slowQuery).acquire(controller.signal);

    controller.abort(new Error('left refreshing'));
    await expect(acquiring).rejects.toThrow('left refreshing');
    answer(await waiting!.query());
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for the lock when its spread timeout is not a whole number of ms (AbortSignal.timeout would throw RangeError)', async () => {
    const [holder, waiting] = FakeLockManager.tabs(2);
    const releaseHolder = await tabLock(holder!).acquire(never());
    // 1001 × 1.25 = 1251.25 ms.
    const acquiring = tabLock(waiting!, 0.5, 1_001).acquire(never());
    const acquiredAt = settledAt(acquiring);

    await vi.advanceTimersByTimeAsync(500);
    expect(acquiredAt()).toBeUndefined();
    releaseHolder();
    await expect(acquiring).resolves.toBeTypeOf('function');
    expect(acquiredAt()).toBe(500);
    expect(holder!.steals).toEqual([]);
  });

  it('without query() to name the holder, counts from when it started waiting', async () => {
    const [frozen, waiting] = FakeLockManager.tabs(2);
    await freeze(frozen!);
    const blind: LockManager = Object.assign(Object.create(waiting!) as FakeLockManager, {
      query: () => Promise.reject(new DOMException('query() is unavailable here', 'SecurityError')),
    });
    const acquiredAt = settledAt(tabLock(blind).acquire(never()));

    await vi.advanceTimersByTimeAsync(2 * TIMEOUT_MS);
    expect(acquiredAt()).toBe(TIMEOUT_MS);
    expect(frozen!.steals).toMatchObject([{ from: 'tab-0', by: 'tab-1' }]);
  });

  it('rethrows a refusal that is neither an abort nor a takeover, and steals nothing', async () => {
    const [holder, waiting] = FakeLockManager.tabs(2);
    await freeze(holder!);
    // An opaque origin (a sandboxed frame) is refused the lock manager: every request rejects.
    const refused = new DOMException('Access to the Locks API is denied in this context.', 'SecurityError');
    const refusing: LockManager = Object.assign(Object.create(waiting!) as FakeLockManager, {
      request: () => Promise.reject(refused),
    });
    await expect(tabLock(refusing).acquire(never())).rejects.toBe(refused);
    await vi.advanceTimersByTimeAsync(2 * TIMEOUT_MS);
    expect(holder!.steals).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("counts only this lock's holder: another lock held all along does not make a live holder look frozen", async () => {
    const [other, first, second, waiting] = FakeLockManager.tabs(4);
    // Another library's lock, taken first and never released: query() lists it before ours.
    void other!.request('another-lock', () => new Promise(() => {}));
    await vi.advanceTimersByTimeAsync(0);
    // Our lock changes hands before either holder reaches the timeout.
    const releaseFirst = await tabLock(first!).acquire(never());
    setTimeout(releaseFirst, TIMEOUT_MS * 0.8);
    const secondAcquiring = tabLock(second!).acquire(never());
    void secondAcquiring.then((release) => setTimeout(release, TIMEOUT_MS * 0.8));
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS / 10);
    const acquiredAt = settledAt(tabLock(waiting!).acquire(never()));

    await vi.advanceTimersByTimeAsync(3 * TIMEOUT_MS);
    expect(first!.steals).toEqual([]);
    expect(acquiredAt()).toBeGreaterThanOrEqual(TIMEOUT_MS * 1.6);
  });
});

describe('webLocksRefreshLock without Web Locks', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives a release at once where there is no navigator at all (Node, old workers)', async () => {
    vi.stubGlobal('navigator', undefined);
    const release = await webLocksRefreshLock(NAME, TIMEOUT_MS).acquire(never());
    expect(release).toBeTypeOf('function');
    expect(() => release()).not.toThrow();
  });

  it('gives a release at once where navigator has no locks (older browsers)', async () => {
    vi.stubGlobal('navigator', {});
    await expect(webLocksRefreshLock(NAME, TIMEOUT_MS).acquire(never())).resolves.toBeTypeOf('function');
  });

  it("uses navigator.locks, looked up when first needed, when no lock manager is given", async () => {
    const [holder, waiting] = FakeLockManager.tabs(2);
    const lock = webLocksRefreshLock(NAME, TIMEOUT_MS);
    vi.stubGlobal('navigator', { locks: holder });
    await lock.acquire(never());
    vi.stubGlobal('navigator', { locks: waiting });
    const stop = new AbortController();
    const acquiring = lock.acquire(stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The second tab waits behind the first: both went through the browser's lock manager.
    expect((await waiting!.query()).pending).toEqual([{ name: NAME, mode: 'exclusive', clientId: 'tab-1' }]);
    stop.abort(new Error('done'));
    await expect(acquiring).rejects.toThrow('done');
  });
});

