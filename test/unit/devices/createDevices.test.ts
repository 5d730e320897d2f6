import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, type Auth, type TokenSet } from '../../../machines/index.js';
import { createDevices, rememberedDevices } from '../../../machines/devices/index.js';
import { readDeviceOf, signInNamesOf, storeDevice } from '../../../machines/devices/deviceRecords.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { serializeSession, storageKey } from '../../../machines/storage/storedSession.js';
import { topState } from '../../support/topState.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

// createDevices: the signed-in user's devices, request by request, against a scripted Cognito
// (shapes from the API reference: ListDevices, UpdateDeviceStatus, ForgetDevice). The pool that
// really tracks devices is in rememberedDevices.test.ts.

const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);
const THIS_DEVICE = 'us-east-1_aaaaaaaa-0000-0000-0000-000000000001';
const OTHER_DEVICE = 'us-east-1_bbbbbbbb-0000-0000-0000-000000000002';
const SUB = '11111111-2222-3333-4444-555555555555';

function tokensFor(deviceKey: string | null): TokenSet {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  if (!deviceKey) return tokens;
  const [, payload] = tokens.accessToken.split('.');
  return { ...tokens, accessToken: makeJwt({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), device_key: deviceKey }) };
}

let auth: Auth | undefined;
afterEach(() => {
  auth?.stop();
  auth = undefined;
});

/** Signed in (restored from storage) on this device, with its secret stored beside the session. */
async function signedIn(deviceKey: string | null = THIS_DEVICE, devicePort = rememberedDevices()) {
  const cognito = new FakeCognito();
  const storage = memoryStorage();
  const session = createSession(tokensFor(deviceKey), TEST_POOL, Date.now());
  storage.setItem(KEY, serializeSession(session));
  if (deviceKey) storeDevice(storage, KEY, { sub: SUB, deviceKey, deviceGroupKey: '-g', devicePassword: 'pw' }, signInNamesOf(session));
  auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage, transport: cognito, wake: null, devices: devicePort });
  await auth.getTokens();
  return { cognito, storage, devices: createDevices(auth), accessToken: session.tokens.accessToken };
}

describe('createDevices', () => {
  it('lists every page, marks this browser and reads the attributes and dates', async () => {
    const { cognito, devices, accessToken } = await signedIn();
    cognito.on('ListDevices', (input) =>
      input.PaginationToken === undefined
        ? {
            Devices: [
              {
                DeviceKey: THIS_DEVICE,
                DeviceAttributes: [
                  { Name: 'device_name', Value: 'Firefox on Linux' },
                  { Name: 'dev:device_remembered_status', Value: 'not_remembered' },
                ],
                DeviceCreateDate: 1_767_225_600,
                DeviceLastAuthenticatedDate: new Date(Date.UTC(2026, 0, 2)),
              },
            ],
            PaginationToken: 'page-2',
          }
        : { Devices: [{ DeviceKey: OTHER_DEVICE, DeviceAttributes: [{ Name: 'dev:device_remembered_status', Value: 'remembered' }] }] },
    );
    expect(await devices.listDevices()).toEqual([
      { key: THIS_DEVICE, name: 'Firefox on Linux', remembered: false, current: true, createdAt: 1_767_225_600_000, lastSignInAt: Date.UTC(2026, 0, 2) },
      { key: OTHER_DEVICE, name: '', remembered: true, current: false, createdAt: null, lastSignInAt: null },
    ]);
    expect(cognito.callsOf('ListDevices').map((call) => call.input)).toEqual([
      { AccessToken: accessToken, Limit: 60 },
      { AccessToken: accessToken, Limit: 60, PaginationToken: 'page-2' },
    ]);
  });

  it('remembers this browser at Cognito; the secret kept here is the same', async () => {
    const { cognito, storage, devices, accessToken } = await signedIn();
    const kept = readDeviceOf(storage, KEY, SUB);
    cognito.on('UpdateDeviceStatus', () => ({}));
    await devices.rememberDevice();
    expect(cognito.callsOf('UpdateDeviceStatus')[0]!.input).toEqual({ AccessToken: accessToken, DeviceKey: THIS_DEVICE, DeviceRememberedStatus: 'remembered' });
    expect(readDeviceOf(storage, KEY, SUB)).toEqual(kept);
  });

  it('forgets this browser: at Cognito, its secret here, and its session (the pool refreshes no token of a forgotten device)', async () => {
    const { cognito, storage, devices, accessToken } = await signedIn();
    cognito.on('ForgetDevice', () => ({})).on('RevokeToken', () => ({}));
    await devices.forgetDevice();
    expect(cognito.callsOf('ForgetDevice')[0]!.input).toEqual({ AccessToken: accessToken, DeviceKey: THIS_DEVICE });
    expect(readDeviceOf(storage, KEY, SUB)).toBeNull();
    expect(topState(auth!.actor.getSnapshot())).toBe('signedOut');
    expect(auth!.actor.getSnapshot().context.endReason).toBe('user');
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('forgets this browser at Cognito and signs out even when its secret here cannot be removed (a vault that failed)', async () => {
    const vaultFailure = new AuthError('storageUnavailable', 'The vault did not answer.');
    const { cognito, devices } = await signedIn(THIS_DEVICE, {
      ...rememberedDevices(),
      forget: () => Promise.reject(vaultFailure),
    });
    cognito.on('ForgetDevice', () => ({})).on('RevokeToken', () => ({}));
    await expect(devices.forgetDevice()).rejects.toBe(vaultFailure);
    expect(topState(auth!.actor.getSnapshot())).toBe('signedOut');
    expect(auth!.actor.getSnapshot().context.endReason).toBe('user');
  });

  it('forgets another device and keeps this one’s secret', async () => {
    const { cognito, storage, devices } = await signedIn();
    cognito.on('ForgetDevice', () => ({}));
    await devices.forgetDevice(OTHER_DEVICE);
    expect(cognito.callsOf('ForgetDevice')[0]!.input).toMatchObject({ DeviceKey: OTHER_DEVICE });
    expect(readDeviceOf(storage, KEY, SUB)?.deviceKey).toBe(THIS_DEVICE);
    // Another device's sessions are its own: this one goes on.
    expect(topState(auth!.actor.getSnapshot())).toBe('signedIn');
  });

  it('a device Cognito describes only in part: no name, no remembered status, not this browser', async () => {
    const { cognito, devices } = await signedIn();
    cognito.on('ListDevices', () => ({ Devices: [{ DeviceKey: OTHER_DEVICE }, {}] }));
    expect(await devices.listDevices()).toEqual([
      { key: OTHER_DEVICE, name: '', remembered: null, current: false, createdAt: null, lastSignInAt: null },
      { key: '', name: '', remembered: null, current: false, createdAt: null, lastSignInAt: null },
    ]);
    cognito.on('ListDevices', () => ({}));
    expect(await devices.listDevices()).toEqual([]);
  });

  it('a device already forgotten elsewhere is forgotten: no error', async () => {
    const { cognito, storage, devices } = await signedIn();
    cognito.on('ForgetDevice', () => {
      throw new AuthError('invalidConfig', 'Device does not exist.', { cognitoName: 'ResourceNotFoundException' });
    });
    await expect(devices.forgetDevice()).resolves.toBeUndefined();
    expect(readDeviceOf(storage, KEY, SUB)).toBeNull();
  });

  it('other failures are reported, and the secret stays', async () => {
    const { cognito, storage, devices } = await signedIn();
    cognito.on('ForgetDevice', () => {
      throw new AuthError('network', 'offline');
    });
    await expect(devices.forgetDevice()).rejects.toMatchObject({ code: 'network' });
    expect(readDeviceOf(storage, KEY, SUB)).not.toBeNull();
  });

  it('on a session issued to no device, this browser cannot be remembered or forgotten', async () => {
    const { cognito, devices } = await signedIn(null);
    const notTracked = { code: 'invalidRequest', message: 'This browser is not one of the devices the user pool tracks.' };
    await expect(devices.rememberDevice()).rejects.toMatchObject(notTracked);
    await expect(devices.forgetDevice()).rejects.toMatchObject(notTracked);
    await expect(devices.forgetDevice('  ')).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('the device to forget') });
    expect(cognito.calls).toEqual([]);
  });

  it('without createAuth’s devices, remembering and forgetting say how to get them', async () => {
    const cognito = new FakeCognito();
    const storage = memoryStorage();
    storage.setItem(KEY, serializeSession(createSession(tokensFor(THIS_DEVICE), TEST_POOL, Date.now())));
    auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage, transport: cognito, wake: null });
    await auth.getTokens();
    const devices = createDevices(auth);
    await expect(devices.rememberDevice()).rejects.toMatchObject({ code: 'invalidConfig', message: expect.stringContaining('rememberedDevices()') });
    await expect(devices.forgetDevice()).rejects.toMatchObject({ code: 'invalidConfig' });
    expect(cognito.calls).toEqual([]);
  });

  it('signed out, every request fails with notSignedIn before reaching Cognito', async () => {
    const cognito = new FakeCognito();
    auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, wake: null, devices: rememberedDevices() });
    const devices = createDevices(auth);
    for (const request of [() => devices.listDevices(), () => devices.rememberDevice(), () => devices.forgetDevice(OTHER_DEVICE)]) {
      await expect(request()).rejects.toMatchObject({ code: 'notSignedIn', message: 'Sign in to manage devices.' });
    }
    expect(cognito.calls).toEqual([]);
  });
});
