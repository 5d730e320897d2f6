import type { SignInResult } from '../AuthContext.js';
import type { DevicePort } from '../devices/DevicePort.js';
import { signInNamesOf } from '../devices/deviceRecords.js';
import type { VaultClient } from './vaultClient.js';
import type { PageConfirmInput } from './vaultDevices.js';

/** A port input as it crosses to the worker: the page's ports stay here (the worker has its own). */
function withoutPorts<Input extends { ports: unknown }>(input: Input): Omit<Input, 'ports'> {
  const { ports: _ports, ...rest } = input;
  return rest;
}

/**
 * Remembered devices for the worker tier: the device password is made, kept and used inside
 * the vault worker, beside the refresh tokens, so the page never holds it. The page keeps only
 * which device key goes with which sign-in name (device keys are no secret: access tokens carry
 * them); both are lost on reload, like the worker's refresh tokens.
 */
export function workerDevices(client: VaultClient, deviceName: string | undefined): DevicePort {
  const keysByName = new Map<string, string>();
  const forgetKey = (deviceKey: string) => {
    for (const [name, key] of keysByName) if (key === deviceKey) keysByName.delete(name);
  };

  return {
    deviceKeyFor: ({ username }) => keysByName.get(username) ?? null,

    async confirm(input, signal) {
      const confirm: PageConfirmInput = { ...withoutPorts(input), ...(deviceName === undefined ? {} : { deviceName }) };
      await client.request({ kind: 'device', operation: 'confirm', input: confirm }, signal);
      for (const name of signInNamesOf(input.session)) keysByName.set(name, input.newDevice.deviceKey);
    },

    async prove(input, signal) {
      try {
        return (await client.request({ kind: 'device', operation: 'prove', input: withoutPorts(input) }, signal)) as SignInResult;
      } catch (error) {
        // The worker forgot a device the pool refused; so does this side.
        const deviceKey = keysByName.get(input.challenge.username);
        if (deviceKey && (error as { code?: string }).code === 'deviceForgotten') forgetKey(deviceKey);
        throw error;
      }
    },

    async forget(input) {
      await client.request({ kind: 'device', operation: 'forget', input: withoutPorts(input) });
      forgetKey(input.deviceKey);
    },

    async forgetName(input) {
      await client.request({ kind: 'device', operation: 'forgetName', input: withoutPorts(input) });
      if (keysByName.get(input.username) === input.deviceKey) keysByName.delete(input.username);
    },
  };
}
