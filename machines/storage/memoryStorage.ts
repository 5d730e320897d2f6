import type { TokenStorage } from './TokenStorage.js';

/**
 * Tokens in a JavaScript variable only: out of reach of other tabs and of script that reads Web
 * Storage, lost on reload (the user signs in again). OWASP's advice for sensitive apps.
 */
export function memoryStorage(kind = 'memory'): TokenStorage {
  const items = new Map<string, string>();
  return {
    kind,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}
