import type { TokenStorage } from '../storage/TokenStorage.js';

/** The refresh operations; `auto` finds out which one a pool's endpoint answers. */
export type RefreshOperationChoice = 'getTokensFromRefreshToken' | 'initiateAuth';

const CHOICES: readonly string[] = ['getTokensFromRefreshToken', 'initiateAuth'];

/**
 * Which refresh operation worked for this pool and client, kept beside the session (its key is
 * derived from the session's, which is per pool and client) so that a reload does not pay a
 * failed call first. It holds no secret, only the operation's name, and it is read as untrusted:
 * anything else found there is ignored. Storage that throws (private mode, quota) just means
 * nothing is remembered.
 */
export function refreshApiKey(storageKey: string): string {
  return `${storageKey}:refreshApi`;
}

export function readRefreshApi(storage: TokenStorage, storageKey: string): RefreshOperationChoice | null {
  try {
    const value = storage.getItem(refreshApiKey(storageKey));
    return value !== null && CHOICES.includes(value) ? (value as RefreshOperationChoice) : null;
  } catch {
    return null;
  }
}

export function rememberRefreshApi(storage: TokenStorage, storageKey: string, choice: RefreshOperationChoice | null): void {
  try {
    if (choice === null) storage.removeItem(refreshApiKey(storageKey));
    else storage.setItem(refreshApiKey(storageKey), choice);
  } catch {
    // Not remembering costs one extra call after the next reload; nothing to report.
  }
}
