/**
 * One refresh at a time across tabs. `acquire` resolves with a release function once this tab
 * holds the lock; it must never reject for long waits (implementations recover from a holder that
 * died or froze) and rejects only when `signal` aborts.
 */
export interface RefreshLock {
  acquire(signal: AbortSignal): Promise<() => void>;
}

/** For storage that tabs do not share (`session`, `memory`): nothing to coordinate. */
export const noRefreshLock: RefreshLock = {
  acquire: async () => () => {},
};
