import { noRefreshLock, type RefreshLock } from './RefreshLock.js';

/**
 * The Web Locks API: the browser releases a lock when its tab closes or crashes. A tab that is
 * frozen (or stuck) while holding it would block the others, so after `timeoutMs` the lock is
 * stolen; the timeout must exceed a refresh request's own timeout so a live holder is never robbed,
 * and is spread at random (up to +50 %) so tabs queued together do not all steal at once: the
 * first to steal refreshes and releases, and the rest then get the lock in turn.
 * Without Web Locks (older browsers, workers without it) there is no cross-tab lock; the
 * double-checked read of storage after "acquiring" still skips refreshes another tab finished.
 */
export function webLocksRefreshLock(name: string, timeoutMs: number): RefreshLock {
  /** Resolves with the release function once held; rejects if the request is aborted first. */
  function hold(locks: LockManager, options: LockOptions): Promise<() => void> {
    return new Promise((resolve, reject) => {
      // After being held, a rejection (the lock was stolen) no longer matters: `reject` is a no-op.
      locks.request(name, options, () => new Promise<void>((release) => resolve(release))).catch(reject);
    });
  }

  return {
    async acquire(signal) {
      // Looked up when first needed, not at start-up: the first touch of `navigator` costs a
      // fresh page ~0.1 ms, and most page loads never refresh.
      const locks = globalThis.navigator?.locks;
      if (!locks) return noRefreshLock.acquire(signal);
      const timeout = AbortSignal.timeout(timeoutMs * (1 + Math.random() / 2));
      try {
        return await hold(locks, { signal: AbortSignal.any([signal, timeout]) });
      } catch (error) {
        if (signal.aborted) throw error;
        // Timed out: the holder is gone in all but name. Take the lock from it.
        return hold(locks, { steal: true });
      }
    },
  };
}
