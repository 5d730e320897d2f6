import { describe, expect, it } from 'vitest';
import { AuthError, resolveConfig } from '../../../machines/index.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { workerDevices } from '../../../machines/worker/workerDevices.js';
import type { VaultCall, VaultClient } from '../../../machines/worker/vaultClient.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

// The page's side of remembered devices in the worker tier: it sends each operation to the vault
// without its own ports, and keeps only which device key goes with which sign-in name.

const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
const ports = { transport: { call: async () => ({}) as never }, storage: { kind: 'memory', getItem: () => null, setItem: () => {}, removeItem: () => {} }, clock: { now: () => 0 } };
const now = Date.now();
const session = createSession(makeTokenSet({ iatSeconds: Math.floor(now / 1000) }), config, now);
const signal = new AbortController().signal;

function client(answer: (call: VaultCall) => unknown = () => undefined) {
  const calls: VaultCall[] = [];
  const vault: VaultClient = {
    post: () => undefined,
    request: async (call) => {
      calls.push(call);
      return answer(call);
    },
  };
  return { vault, calls };
}

describe('workerDevices', () => {
  it('keeps the confirmed device’s key for the user’s sign-in names; forgetting it sends forget and drops the key', async () => {
    const { vault, calls } = client();
    const devices = workerDevices(vault, 'Kiosk 7');
    const username = String(session.idClaims['cognito:username']);
    expect(devices.deviceKeyFor({ config, ports, username })).toBeNull();
    await devices.confirm({ config, ports, session, newDevice: { deviceKey: 'us-east-1_dev1', deviceGroupKey: 'g' } } as never, signal);
    expect(devices.deviceKeyFor({ config, ports, username })).toBe('us-east-1_dev1');

    await devices.forget({ config, ports, deviceKey: 'us-east-1_dev1', sub: 'sub-1' });
    expect(calls.map(({ kind, operation }) => `${kind}:${operation}`)).toEqual(['device:confirm', 'device:forget']);
    // The name the app chose goes with the confirmation: the worker confirms with it.
    expect(calls[0]!.input).toMatchObject({ deviceName: 'Kiosk 7' });
    expect(calls[0]!.input).not.toHaveProperty('ports');
    expect(calls[1]!.input).toEqual({ config, deviceKey: 'us-east-1_dev1', sub: 'sub-1' });
    expect(devices.deviceKeyFor({ config, ports, username })).toBeNull();
  });

  it('a device the pool no longer knows is forgotten here too; any other failure keeps it', async () => {
    let failure = new AuthError('network', 'offline');
    const { vault } = client((call) => {
      if (call.operation === 'prove') throw failure;
    });
    const devices = workerDevices(vault, undefined);
    const username = String(session.idClaims['cognito:username']);
    await devices.confirm({ config, ports, session, newDevice: { deviceKey: 'us-east-1_dev1', deviceGroupKey: 'g' } } as never, signal);
    const challenge = { username } as never;
    await expect(devices.prove({ config, ports, challenge }, signal)).rejects.toBe(failure);
    expect(devices.deviceKeyFor({ config, ports, username })).toBe('us-east-1_dev1');
    failure = new AuthError('deviceForgotten', 'gone');
    await expect(devices.prove({ config, ports, challenge }, signal)).rejects.toBe(failure);
    expect(devices.deviceKeyFor({ config, ports, username })).toBeNull();
  });
});

describe('workerDevices.forgetName', () => {
  it('drops only that name’s key, here and in the vault', async () => {
    const { vault, calls } = client();
    const devices = workerDevices(vault, undefined);
    const username = String(session.idClaims['cognito:username']);
    const email = String(session.idClaims['email']);
    await devices.confirm({ config, ports, session, newDevice: { deviceKey: 'us-east-1_dev1', deviceGroupKey: 'g' } } as never, signal);
    await devices.forgetName({ config, ports, deviceKey: 'us-east-1_dev1', username: email });
    expect(calls.at(-1)).toMatchObject({ kind: 'device', operation: 'forgetName', input: { deviceKey: 'us-east-1_dev1', username: email } });
    expect(devices.deviceKeyFor({ config, ports, username: email })).toBeNull();
    expect(devices.deviceKeyFor({ config, ports, username })).toBe('us-east-1_dev1');
  });
});
