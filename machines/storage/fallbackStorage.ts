import { AuthError } from '../AuthError.js';
import { memoryStorage } from './memoryStorage.js';
import type { TokenStorage } from './TokenStorage.js';

type StorageLike = Pick<TokenStorage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Wraps `localStorage`, `sessionStorage` or a custom storage so that it never throws into the
 * machine: when it is missing or throws (Safari private mode, quota exceeded, storage disabled by
 * policy, a broken custom adapter), tokens move to memory. The session then lasts until reload,
 * which beats failing sign-in; `onFallback` tells the app once so it can say so.
 */
export function fallbackStorage(
  kind: string,
  getStorage: () => StorageLike | undefined,
  onFallback: (error: AuthError) => void,
): TokenStorage {
  let fallback: TokenStorage | undefined;
  /** What the original storage held for each key when this tab last read or wrote it there. */
  const lastSeen = new Map<string, string | null>();

  function fallBack(cause: unknown): TokenStorage {
    if (!fallback) {
      fallback = memoryStorage(`memory (${kind} unavailable)`);
      onFallback(
        new AuthError('storageUnavailable', `Storage "${kind}" is unavailable; the session is kept in memory until reload.`, {
          cause,
        }),
      );
    }
    return fallback;
  }

  /** Runs one operation on Web Storage, or on the memory fallback once Web Storage has failed. */
  function use<T>(operation: (storage: StorageLike) => T): T {
    if (fallback) return operation(fallback);
    try {
      const storage = getStorage();
      if (!storage) return operation(fallBack(new Error(`Storage "${kind}" is not defined`)));
      return operation(storage);
    } catch (error) {
      return operation(fallBack(error));
    }
  }

  return {
    get kind() {
      return fallback ? fallback.kind : kind;
    },
    getItem: (key) =>
      use((storage) => {
        const value = storage.getItem(key);
        if (!fallback) lastSeen.set(key, value);
        return value;
      }),
    setItem: (key, value) =>
      use((storage) => {
        storage.setItem(key, value);
        if (!fallback) lastSeen.set(key, value);
      }),
    removeItem: (key) => {
      use((storage) => storage.removeItem(key));
      if (fallback) removeLeftover(key);
      else lastSeen.set(key, null);
    },
  };

  /**
   * After the move to memory, what was written before the failure may still be in the original
   * storage (a write failed, a delete may not): a sign-out must not leave a session there for the
   * next page load. Only what this tab saw there goes: another tab may have stored a sign-in
   * since. Best effort, as the storage has failed once already.
   */
  function removeLeftover(key: string): void {
    try {
      const original = getStorage();
      const seen = lastSeen.get(key);
      if (original && seen != null && original.getItem(key) === seen) original.removeItem(key);
    } catch {
      // Nothing more can be done about storage that refuses even this.
    }
  }
}
