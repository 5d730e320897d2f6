import { describe, expect, it, vi } from 'vitest';
import { memoryStorage, type AuthError } from '../../../machines/index.js';
import { fallbackStorage } from '../../../machines/storage/fallbackStorage.js';

/** A Storage whose every call throws, as Safari's private mode or a disabled storage does. */
function throwingStorage(): Storage {
  const fail = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { getItem: fail, setItem: fail, removeItem: fail, clear: fail, key: fail, length: 0 };
}

function workingStorage(): Storage {
  const memory = memoryStorage();
  return { ...memory, clear: () => {}, key: () => null, length: 0 } as unknown as Storage;
}

describe('fallbackStorage', () => {
  it('reads and writes the given Storage', () => {
    const storage = workingStorage();
    const onFallback = vi.fn();
    const tier = fallbackStorage('local', () => storage, onFallback);
    tier.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
    expect(tier.getItem('k')).toBe('v');
    tier.removeItem('k');
    expect(tier.getItem('k')).toBeNull();
    expect(tier.kind).toBe('local');
    expect(onFallback).not.toHaveBeenCalled();
  });

  it('falls back to memory when Storage throws, and says so once', () => {
    const errors: AuthError[] = [];
    const tier = fallbackStorage('session', throwingStorage, (error) => errors.push(error));
    tier.setItem('k', 'v');
    expect(tier.getItem('k')).toBe('v');
    tier.setItem('k2', 'v2');
    expect(errors).toHaveLength(1);
    // Which storage failed, why (the browser's own error), and where the session is now.
    expect(errors[0]).toMatchObject({ code: 'storageUnavailable', message: 'Storage "session" is unavailable; the session is kept in memory until reload.' });
    expect(errors[0]!.cause).toMatchObject({ name: 'QuotaExceededError' });
    expect(tier.kind).toBe('memory (session unavailable)');
  });

  it('still removes from the original storage after a failed write (quota full): sign-out leaves nothing behind', () => {
    const stored = new Map([['k', 'session written before the quota filled']]);
    const quotaFull = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: (key: string) => void stored.delete(key),
    };
    const tier = fallbackStorage('local', () => quotaFull, () => {});
    // Restored from storage, then a refresh's write hits the quota.
    expect(tier.getItem('k')).toBe('session written before the quota filled');
    tier.setItem('k', 'refreshed session');
    expect(tier.getItem('k')).toBe('refreshed session');
    tier.removeItem('k');
    expect(tier.getItem('k')).toBeNull();
    expect(stored.has('k')).toBe(false);
  });

  it('also removes a session this tab wrote (not read) before the quota filled', () => {
    const stored = new Map<string, string>();
    let full = false;
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        stored.set(key, value);
      },
      removeItem: (key: string) => void stored.delete(key),
    };
    const tier = fallbackStorage('local', () => storage, () => {});
    tier.setItem('k', 'signed-in session');
    full = true;
    tier.setItem('k', 'refreshed session');
    tier.removeItem('k');
    expect(stored.has('k')).toBe(false);
    expect(tier.getItem('k')).toBeNull();
  });

  it('leaves a session another tab stored since in the original storage', () => {
    const stored = new Map([['k', 'this tab’s session']]);
    const quotaFull = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: (key: string) => void stored.delete(key),
    };
    const tier = fallbackStorage('local', () => quotaFull, () => {});
    tier.getItem('k');
    tier.setItem('k', 'refreshed session');
    stored.set('k', 'another tab’s new sign-in');
    tier.removeItem('k');
    expect(stored.get('k')).toBe('another tab’s new sign-in');
  });

  it('falls back when Storage is not there at all (workers, SSR), and says it is missing', () => {
    const errors: AuthError[] = [];
    const tier = fallbackStorage('local', () => undefined, (error) => errors.push(error));
    expect(tier.getItem('k')).toBeNull();
    expect(errors).toHaveLength(1);
    expect((errors[0]!.cause as Error).message).toBe('Storage "local" is not defined');
  });

  it('guards a custom storage that throws the same way', () => {
    const onFallback = vi.fn();
    const broken = { kind: 'custom', getItem: () => null, setItem: () => { throw new Error('disk full'); }, removeItem: () => {} };
    const tier = fallbackStorage('custom', () => broken, onFallback);
    tier.setItem('k', 'v');
    expect(tier.getItem('k')).toBe('v');
    expect(onFallback).toHaveBeenCalledOnce();
  });

  it('falls back when merely touching Storage throws (storage disabled)', () => {
    const onFallback = vi.fn();
    const tier = fallbackStorage('local', () => {
      throw new DOMException('Access is denied', 'SecurityError');
    }, onFallback);
    tier.setItem('k', 'v');
    expect(tier.getItem('k')).toBe('v');
    expect(onFallback).toHaveBeenCalledOnce();
  });
});
