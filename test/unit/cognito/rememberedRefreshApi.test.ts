import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../machines/index.js';
import { readRefreshApi, rememberRefreshApi } from '../../../machines/cognito/rememberedRefreshApi.js';

// Which refresh operation worked for a pool and client, kept beside the session so that a reload
// does not pay a failed call first. Read as untrusted; storage that throws just means no memory.

describe('the remembered refresh operation', () => {
  it('is kept per session key: two pools or clients never share it', () => {
    const storage = memoryStorage();
    rememberRefreshApi(storage, 'authchart:poolA:client', 'initiateAuth');
    expect(readRefreshApi(storage, 'authchart:poolA:client')).toBe('initiateAuth');
    expect(readRefreshApi(storage, 'authchart:poolB:client')).toBeNull();
  });

  it('never overwrites the session it sits beside', () => {
    const storage = memoryStorage();
    storage.setItem('authchart:pool:client', '{"session":1}');
    rememberRefreshApi(storage, 'authchart:pool:client', 'getTokensFromRefreshToken');
    expect(storage.getItem('authchart:pool:client')).toBe('{"session":1}');
  });

  it('forgetting it leaves nothing behind', () => {
    const items = new Map<string, string>();
    const storage = { kind: 'local', getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
    rememberRefreshApi(storage, 'k', 'initiateAuth');
    rememberRefreshApi(storage, 'k', null);
    expect(readRefreshApi(storage, 'k')).toBeNull();
    expect([...items.keys()]).toEqual([]);
  });

  it('storage that throws remembers nothing and reads as nothing', () => {
    const throwing = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as Parameters<typeof readRefreshApi>[0];
    expect(readRefreshApi(throwing, 'k')).toBeNull();
    expect(() => rememberRefreshApi(throwing, 'k', 'initiateAuth')).not.toThrow();
    expect(() => rememberRefreshApi(throwing, 'k', null)).not.toThrow();
  });
});
