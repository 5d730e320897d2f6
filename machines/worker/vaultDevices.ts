import type { Clock } from '../AuthPorts.js';
import type { CognitoTransport } from '../cognito/CognitoTransport.js';
import type { ConfirmDeviceInput, DeviceContext, KeptDeviceInput, ProveDeviceInput, SignInNameInput } from '../devices/DevicePort.js';
import { rememberedDevices } from '../devices/rememberedDevices.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import type { DeviceOperation } from './vaultProtocol.js';

/** What the page sends with a device operation: the port's input without its ports. */
type PageInput<Input extends DeviceContext> = Input extends unknown ? Omit<Input, 'ports'> : never;

/** A confirmation from the page carries the name the app chose for the device, if it did. */
export type PageConfirmInput = PageInput<ConfirmDeviceInput> & { deviceName?: string };

/**
 * The worker's side of the worker tier's remembered devices: `rememberedDevices()` itself, with
 * the vault's transport (so refresh tokens in its answers become handles) and a storage of the
 * worker's own, where the device passwords stay.
 */
export function vaultDevices(transport: CognitoTransport, clock: Clock): (operation: DeviceOperation, input: unknown, signal: AbortSignal) => Promise<unknown> {
  const devices = rememberedDevices();
  const ports: DeviceContext['ports'] = { transport, storage: memoryStorage('vault'), clock };
  return (operation, input, signal) => {
    switch (operation) {
      case 'confirm': {
        const { deviceName, ...confirm } = input as PageConfirmInput;
        return rememberedDevices(deviceName === undefined ? {} : { deviceName }).confirm({ ...confirm, ports }, signal);
      }
      case 'prove':
        return devices.prove({ ...(input as PageInput<ProveDeviceInput>), ports }, signal);
      case 'forget':
        return devices.forget({ ...(input as PageInput<KeptDeviceInput>), ports });
      case 'forgetName':
        return devices.forgetName({ ...(input as PageInput<SignInNameInput>), ports });
    }
  };
}
