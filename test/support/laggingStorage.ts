import type { TokenStorage } from '../../machines/index.js';

/**
 * A tab whose reads of shared storage never catch up (in Chromium, a renderer's copy of
 * localStorage is updated by messages that may arrive after the lock grant): its writes land,
 * its reads see what was there when it opened. Only the tab messages tell it what changed.
 */
export function laggingView(shared: TokenStorage): TokenStorage {
  const seen = new Map<string, string | null>();
  return {
    kind: shared.kind,
    getItem: (key) => {
      if (!seen.has(key)) seen.set(key, shared.getItem(key));
      return seen.get(key) ?? null;
    },
    setItem: (key, value) => shared.setItem(key, value),
    removeItem: (key) => shared.removeItem(key),
  };
}
