import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../machines/index.js';
import { forgetDeviceOf, forgetNameOf, readDeviceFor, readDeviceOf, signInNamesOf, storeDevice, type DeviceRecord } from '../../../machines/devices/deviceRecords.js';
import { memoryStorage } from '../../../machines/storage/memoryStorage.js';
import type { TokenStorage } from '../../../machines/storage/TokenStorage.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import type { Session } from '../../../machines/tokens/Session.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
const NOW = Date.UTC(2026, 0, 1);
const DEVICE = { deviceKey: 'us-east-1_d1', deviceGroupKey: '-g1', devicePassword: 'secret-password' };

/** A session of the user `sub`, known by `username` and `email`. */
function sessionOf(sub: string, username: string, email?: string) {
  const tokens = makeTokenSet({ iatSeconds: NOW / 1000, sub });
  const [, payload] = tokens.idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), 'cognito:username': username, email };
  return createSession({ ...tokens, idToken: makeJwt(claims) }, config, NOW);
}

/** What confirming a device keeps: the record under the user's sub, each of their names pointing at it. */
function keep(storage: TokenStorage, session: Session, device: Omit<DeviceRecord, 'sub'>) {
  storeDevice(storage, config.storageKey, { sub: session.idClaims.sub, ...device }, signInNamesOf(session));
}

describe('device records: per pool, client and user', () => {
  it('finds the device by any name the user signs in with, and by sub', () => {
    const storage = memoryStorage();
    keep(storage, sessionOf('sub-a', 'alice', 'alice@example.com'), DEVICE);
    expect(readDeviceFor(storage, config.storageKey, 'alice')).toEqual({ sub: 'sub-a', ...DEVICE });
    expect(readDeviceFor(storage, config.storageKey, 'alice@example.com')?.deviceKey).toBe('us-east-1_d1');
    expect(readDeviceOf(storage, config.storageKey, 'sub-a')?.devicePassword).toBe('secret-password');
    expect(readDeviceFor(storage, config.storageKey, 'bob')).toBeNull();
  });

  it("never lends one user's device to another: a name taken over points at the new user's sub", () => {
    const storage = memoryStorage();
    keep(storage, sessionOf('sub-a', 'alice', 'shared@example.com'), DEVICE);
    // Bob signs in on the same browser with the email Alice used to have.
    keep(storage, sessionOf('sub-b', 'bob', 'shared@example.com'), { ...DEVICE, deviceKey: 'us-east-1_d2' });
    expect(readDeviceFor(storage, config.storageKey, 'shared@example.com')?.sub).toBe('sub-b');
    expect(readDeviceFor(storage, config.storageKey, 'alice')?.deviceKey).toBe('us-east-1_d1');
  });

  it('a name the pool refused a device for stops leading to it; the device and its other names stay', () => {
    const storage = memoryStorage();
    keep(storage, sessionOf('sub-a', 'alice', 'alice@example.com'), DEVICE);
    // Another key (the name already leads elsewhere): nothing changes.
    forgetNameOf(storage, config.storageKey, 'alice@example.com', 'us-east-1_other');
    expect(readDeviceFor(storage, config.storageKey, 'alice@example.com')?.deviceKey).toBe('us-east-1_d1');
    forgetNameOf(storage, config.storageKey, 'alice@example.com', 'us-east-1_d1');
    expect(readDeviceFor(storage, config.storageKey, 'alice@example.com')).toBeNull();
    expect(readDeviceFor(storage, config.storageKey, 'alice')?.deviceKey).toBe('us-east-1_d1');
    expect(readDeviceOf(storage, config.storageKey, 'sub-a')).not.toBeNull();
    // A name that leads nowhere: nothing to do.
    expect(() => forgetNameOf(storage, config.storageKey, 'nobody', 'us-east-1_d1')).not.toThrow();
  });

  it("a user's names are the ID token's username and aliases that have a value", () => {
    expect(signInNamesOf(sessionOf('sub-a', 'alice', ''))).toEqual(['alice']);
    expect(signInNamesOf(sessionOf('sub-a', 'alice', 'alice@example.com'))).toEqual(['alice', 'alice@example.com']);
  });

  it('a record whose sub is not the one it is filed under, or junk, is no device', () => {
    const storage = memoryStorage();
    storage.setItem(`${config.storageKey}:deviceOf:mallory`, 'sub-a');
    storage.setItem(`${config.storageKey}:device:sub-a`, JSON.stringify({ version: 1, sub: 'sub-x', ...DEVICE }));
    expect(readDeviceFor(storage, config.storageKey, 'mallory')).toBeNull();
    for (const junk of ['not json', 'null', '[]', JSON.stringify({ version: 2, sub: 'sub-a', ...DEVICE }), JSON.stringify({ version: 1, sub: 'sub-a', ...DEVICE, devicePassword: '' }), JSON.stringify({ version: 1, sub: 'sub-a', ...DEVICE, deviceKey: 7 })]) {
      storage.setItem(`${config.storageKey}:device:sub-a`, junk);
      expect(readDeviceOf(storage, config.storageKey, 'sub-a'), junk).toBeNull();
    }
  });

  it('is kept apart from other pools and clients sharing the storage', () => {
    const storage = memoryStorage();
    const other = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: 'otherclient000000000000001' });
    keep(storage, sessionOf('sub-a', 'alice'), DEVICE);
    expect(readDeviceFor(storage, other.storageKey, 'alice')).toBeNull();
  });

  it('forgetting the device leaves its names leading nowhere', () => {
    const storage = memoryStorage();
    keep(storage, sessionOf('sub-a', 'alice'), DEVICE);
    forgetDeviceOf(storage, config.storageKey, 'sub-a');
    expect(readDeviceFor(storage, config.storageKey, 'alice')).toBeNull();
    expect(readDeviceOf(storage, config.storageKey, 'sub-a')).toBeNull();
  });

  it('storage that throws means no device, never an error', () => {
    const broken: TokenStorage = {
      kind: 'broken',
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => keep(broken, sessionOf('sub-a', 'alice'), DEVICE)).not.toThrow();
    expect(readDeviceFor(broken, config.storageKey, 'alice')).toBeNull();
    expect(() => forgetDeviceOf(broken, config.storageKey, 'sub-a')).not.toThrow();
  });
});
