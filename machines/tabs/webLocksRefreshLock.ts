import { noRefreshLock, type RefreshLock } from './RefreshLock.js';

export interface WebLocksRefreshLockOptions {
  /** Default: `navigator.locks`, looked up at the first acquire. */
  locks?: LockManager;
  /** Default: `Math.random`; spreads each acquire's patience by up to +50 %. */
  random?: () => number;
}

/**
 * The Web Locks API: the browser releases a lock when its tab closes or crashes. A tab that is
 * frozen (or stuck) while holding it would block the others, so a holder that has kept the lock
 * longer than `timeoutMs` is robbed of it. Only time held counts, not time queued behind earlier
 * holders: the timeout exceeds a whole refresh (two requests at most, with their timeouts), so a
 * live holder is never robbed, however many tabs wait. It is spread at random (up to +50 %) so tabs queued together do not all
 * steal at once: the first to steal refreshes and releases, and the rest then get the lock in turn.
 * Without Web Locks (older browsers, workers without it) there is no cross-tab lock; the
 * double-checked read of storage after "acquiring" still skips refreshes another tab finished.
 * Its timers are the browser's, not the machine's clock: the lock is shared with other tabs, which
 * live in real time.
 */
export function webLocksRefreshLock(name: string, timeoutMs: number, options: WebLocksRefreshLockOptions = {}): RefreshLock {
  const random = options.random ?? Math.random;

  /** Resolves with the release function once held; rejects if the request is aborted first. */
  function hold(locks: LockManager, lockOptions: LockOptions): Promise<() => void> {
    return new Promise((resolve, reject) => {
      // After being held, a rejection (the lock was stolen) no longer matters: `reject` is a no-op.
      locks.request(name, lockOptions, () => new Promise<void>((release) => resolve(release))).catch(reject);
    });
  }

  return {
    async acquire(signal) {
      // Looked up when first needed, not at start-up: the first touch of `navigator` costs a
      // fresh page ~0.1 ms, and most page loads never refresh.
      const locks = options.locks ?? globalThis.navigator?.locks;
      if (!locks) return noRefreshLock.acquire(signal);
      const overdue = new AbortController();
      const stopWatching = watchHolder(locks, name, timeoutMs * (1 + random() / 2), () => overdue.abort());
      try {
        return await hold(locks, { signal: AbortSignal.any([signal, overdue.signal]) });
      } catch (error) {
        if (signal.aborted || !overdue.signal.aborted) throw error;
        // The holder is gone in all but name. Take the lock from it.
        return hold(locks, { steal: true });
      } finally {
        stopWatching();
      }
    },
  };
}

/** A new holder is noticed at most a quarter of the patience late; late only delays a steal. */
const CHECKS_PER_PATIENCE = 4;

/** Stands for a holder that `query()` cannot name: it is taken to be one holder throughout. */
const UNKNOWN_HOLDER = Symbol('unknown holder');

type Holder = string | typeof UNKNOWN_HOLDER | undefined;

/**
 * Calls `onOverdue` once one holder has kept the lock for `patienceMs`, counted from when it was
 * first seen holding it, so the countdown starts over whenever the lock changes hands. Where
 * `query()` cannot name holders, that is from when the watch began, as if one holder had it all
 * along. Returns a function that stops the watch and its timer.
 */
function watchHolder(locks: LockManager, name: string, patienceMs: number, onOverdue: () => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watched: Holder | null = null;
  let since = 0;

  async function check() {
    const holder = await holderOf(locks, name);
    if (stopped) return;
    const now = performance.now();
    if (holder !== watched) {
      watched = holder;
      since = now;
    } else if (now - since >= patienceMs) {
      onOverdue();
      return;
    }
    // Whole milliseconds, rounded up: every check moves time on, and no timer API can refuse it.
    timer = setTimeout(check, Math.ceil(Math.min(patienceMs / CHECKS_PER_PATIENCE, since + patienceMs - now)));
  }

  void check();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The clientId of the tab holding the lock, undefined when it is free. */
async function holderOf(locks: LockManager, name: string): Promise<Holder> {
  try {
    const { held = [] } = await locks.query();
    const lock = held.find((info) => info.name === name);
    return lock && (lock.clientId ?? UNKNOWN_HOLDER);
  } catch {
    // A LockManager without a working query() (a partial polyfill, say).
    return UNKNOWN_HOLDER;
  }
}
