import { toAuthError } from '../AuthError.js';
import type { DeviceContext } from '../devices/DevicePort.js';
import type { AuthPorts } from '../AuthPorts.js';

export type DeviceRequestInput = Omit<DeviceContext, 'ports'> & { ports: DeviceContext['ports'] & Pick<AuthPorts, 'devices'>; username: string };

/**
 * A sign-in request that names the device remembered here (`DEVICE_KEY`). When the pool does not
 * know that device for this user (forgotten from another browser, or the name now belongs to
 * someone else: ResourceNotFoundException), the name stops leading to it and the request is made
 * again without it, as the reference client does, so the user signs in as on a new device
 * instead of being refused. Also says which device the
 * answer is for: the sign-in's next answers name the same one.
 */
export async function withoutUnknownDevice<T>(
  input: DeviceRequestInput,
  deviceKey: string | null,
  request: (deviceKey: string | null) => Promise<T>,
): Promise<{ answer: T; deviceKey: string | null }> {
  try {
    return { answer: await request(deviceKey), deviceKey };
  } catch (error) {
    if (!deviceKey || toAuthError(error).cognitoName !== 'ResourceNotFoundException') throw error;
    await input.ports.devices?.forgetName({ config: input.config, ports: input.ports, username: input.username, deviceKey });
    return { answer: await request(null), deviceKey: null };
  }
}
