import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import type { AuthPorts } from '../AuthPorts.js';
import type { ConfirmDeviceInput, DevicePort, ProveDeviceInput } from '../devices/DevicePort.js';

/** The port for remembered devices, or an `invalidConfig` saying how to get one. */
export function devicePort(ports: Pick<AuthPorts, 'devices'>): DevicePort {
  if (ports.devices) return ports.devices;
  throw new AuthError(
    'invalidConfig',
    "The user pool tracks devices: pass createAuth's devices, rememberedDevices() from 'authchart/devices', so that the device is confirmed and refreshes keep working.",
  );
}

// The chart's actors for remembered devices: the states are in the core, the maths and the
// device secrets are the `devices` port's (authchart/devices).

type ChartInput<Input> = Input & AuthMachineInput;

export const confirmDevice = fromPromise<void, ChartInput<ConfirmDeviceInput>>(({ input, signal }) =>
  devicePort(input.ports).confirm(input, signal),
);

export const proveDevice = fromPromise<SignInResult, ChartInput<ProveDeviceInput>>(({ input, signal }) => devicePort(input.ports).prove(input, signal));
