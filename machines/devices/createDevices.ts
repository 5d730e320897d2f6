import { AuthError } from '../AuthError.js';
import type { Auth } from '../createAuth.js';
import type { DeviceType } from '../cognito/cognitoWire.js';
import { requireText } from '../validateInput.js';
import { devicePort } from '../actors/deviceActors.js';

/** A device of the signed-in user's, as Cognito lists it. */
export interface Device {
  /** What `forgetDevice` takes. */
  key: string;
  /** The name given when it was confirmed ("Firefox on Windows"); empty when none. */
  name: string;
  /** Remembered (sign-ins from it may skip MFA), not remembered (tracked only), or unknown. */
  remembered: boolean | null;
  /** This browser. */
  current: boolean;
  /** Ms since the epoch; null when Cognito did not say. */
  lastSignInAt: number | null;
  createdAt: number | null;
}

export interface Devices {
  /** Every device Cognito tracks for the user, this one included. */
  listDevices(): Promise<Device[]>;
  /** Remembers this browser (pools where the user opts in): its sign-ins may then skip MFA. */
  rememberDevice(): Promise<void>;
  /**
   * Forgets a device (this browser when no key is given). Forgetting this browser also signs it
   * out: its secret goes, and the pool refreshes no token of a forgotten device.
   */
  forgetDevice(deviceKey?: string): Promise<void>;
}

/**
 * The signed-in user's devices, from the `authchart/devices` entry, for an auth created with
 * `devices: rememberedDevices()`: requests use the auth's access token (refreshed first when due)
 * and its ports; the device secret kept here follows through the `devices` port. This browser is
 * the device its access token names (`device_key`).
 */
export function createDevices(auth: Auth): Devices {
  const { config, ports } = auth.actor.getSnapshot().context;

  async function signedIn(): Promise<{ accessToken: string; deviceKey: string | null; sub: string }> {
    const tokens = await auth.getTokens();
    const session = auth.actor.getSnapshot().context.session;
    if (!tokens || !session) throw new AuthError('notSignedIn', 'Sign in to manage devices.');
    return { accessToken: tokens.accessToken, deviceKey: session.accessClaims.device_key ?? null, sub: session.idClaims.sub };
  }

  function thisDevice(deviceKey: string | null): string {
    if (!deviceKey) throw new AuthError('invalidRequest', 'This browser is not one of the devices the user pool tracks.');
    return deviceKey;
  }

  return {
    async listDevices() {
      const { accessToken, deviceKey } = await signedIn();
      const devices: Device[] = [];
      let paginationToken: string | undefined;
      do {
        const page = await ports.transport.call('ListDevices', { AccessToken: accessToken, Limit: 60, ...(paginationToken ? { PaginationToken: paginationToken } : {}) });
        devices.push(...(page.Devices ?? []).map((device) => toDevice(device, deviceKey)));
        paginationToken = page.PaginationToken;
      } while (paginationToken);
      return devices;
    },
    async rememberDevice() {
      // Remembered at the pool with no secret kept here, it could never prove itself.
      devicePort(ports);
      const { accessToken, deviceKey } = await signedIn();
      await ports.transport.call('UpdateDeviceStatus', { AccessToken: accessToken, DeviceKey: thisDevice(deviceKey), DeviceRememberedStatus: 'remembered' });
    },
    async forgetDevice(key) {
      const port = devicePort(ports);
      const { accessToken, deviceKey, sub } = await signedIn();
      const target = key === undefined ? thisDevice(deviceKey) : requireText(key, 'the device to forget');
      try {
        await ports.transport.call('ForgetDevice', { AccessToken: accessToken, DeviceKey: target });
      } catch (error) {
        // Already forgotten (from another device): what was asked for is true.
        if (!(error instanceof AuthError && error.cognitoName === 'ResourceNotFoundException')) throw error;
      }
      try {
        await port.forget({ config, ports, sub, deviceKey: target });
      } finally {
        // The pool has forgotten it, so its session would end at the next refresh anyway: end it
        // now, on purpose, even when the secret kept here could not be removed.
        if (target === deviceKey) await auth.signOut();
      }
    },
  };
}

function toDevice(device: DeviceType, currentKey: string | null): Device {
  const attributes = new Map((device.DeviceAttributes ?? []).map(({ Name, Value }) => [Name, Value]));
  const status = attributes.get('dev:device_remembered_status');
  return {
    key: device.DeviceKey ?? '',
    name: attributes.get('device_name') ?? '',
    remembered: status === 'remembered' ? true : status === 'not_remembered' ? false : null,
    // The current key is null on a session issued to no device: no listed device is this one.
    current: device.DeviceKey === currentKey,
    lastSignInAt: toMs(device.DeviceLastAuthenticatedDate),
    createdAt: toMs(device.DeviceCreateDate),
  };
}

/** Seconds on the wire; the SDK transport gives a Date. */
function toMs(date: Date | number | undefined): number | null {
  if (date instanceof Date) return date.getTime();
  return typeof date === 'number' ? date * 1000 : null;
}
