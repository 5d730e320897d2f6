import { AuthError, toAuthError } from '../AuthError.js';
import type { SignInResult } from '../AuthContext.js';
import { onDevice, toSignInResult } from '../actors/signInResult.js';
import { createDeviceVerifier } from '../srp/deviceVerifier.js';
import { deviceClaim } from '../srp/deviceClaim.js';
import { startSrp } from '../srp/startSrp.js';
import { browserDeviceName } from './browserDeviceName.js';
import type { ConfirmDeviceInput, DevicePort, KeptDeviceInput, ProveDeviceInput, SignInNameInput } from './DevicePort.js';
import { forgetDeviceOf, forgetNameOf, readDeviceFor, readDeviceOf, signInNamesOf, storeDevice, type DeviceRecord } from './deviceRecords.js';

export interface RememberedDevicesOptions {
  /** What the user sees in their list of devices (ConfirmDevice's DeviceName); default: browser and platform. */
  deviceName?: string;
}

/**
 * Remembered devices for `createAuth({ devices: rememberedDevices() })`, from `authchart/devices`:
 * on a pool that tracks devices, the device Cognito names at sign-in is confirmed with an SRP
 * verifier of a random device password (the password stays here, beside the session, in the same
 * storage), its key goes with the next sign-ins, and the device proves itself when Cognito asks.
 */
export function rememberedDevices(options: RememberedDevicesOptions = {}): DevicePort {
  return {
    ...(options.deviceName === undefined ? {} : { deviceName: options.deviceName }),

    deviceKeyFor({ config, ports, username }) {
      return readDeviceFor(ports.storage, config.storageKey, username)?.deviceKey ?? null;
    },

    async confirm({ config, ports, session, newDevice }: ConfirmDeviceInput, signal: AbortSignal) {
      const { devicePassword, verifierConfig } = await createDeviceVerifier(newDevice);
      const answer = await ports.transport.call(
        'ConfirmDevice',
        {
          AccessToken: session.tokens.accessToken,
          DeviceKey: newDevice.deviceKey,
          DeviceSecretVerifierConfig: verifierConfig,
          DeviceName: options.deviceName ?? browserDeviceName(),
        },
        { signal },
      );
      // Whether the pool remembers it now or once the user says so (UserConfirmationNecessary),
      // the secret is kept: the pool asks for the proof only of a remembered device.
      storeDevice(ports.storage, config.storageKey, { sub: session.idClaims.sub, ...newDevice, devicePassword }, signInNamesOf(session));
    },

    async prove({ config, ports, challenge }: ProveDeviceInput, signal: AbortSignal): Promise<SignInResult> {
      const device = readDeviceFor(ports.storage, config.storageKey, challenge.username);
      if (!device) throw deviceForgotten();
      try {
        const secret = startSrp();
        const asked = await ports.transport.call(
          'RespondToAuthChallenge',
          {
            ChallengeName: 'DEVICE_SRP_AUTH',
            ClientId: config.clientId,
            Session: challenge.challengeSession,
            ChallengeResponses: { USERNAME: challenge.username, DEVICE_KEY: device.deviceKey, SRP_A: secret.A.toString(16) },
          },
          { signal },
        );
        if (asked.ChallengeName !== 'DEVICE_PASSWORD_VERIFIER' || !asked.Session) {
          throw new AuthError('invalidResponse', 'The user pool did not ask the device for its proof.');
        }
        const responses = await deviceClaim({
          ...device,
          secret,
          parameters: asked.ChallengeParameters ?? {},
          username: challenge.username,
          now: ports.clock.now(),
        });
        const answeredAt = ports.clock.now();
        const answer = await ports.transport.call(
          'RespondToAuthChallenge',
          { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ClientId: config.clientId, Session: asked.Session, ChallengeResponses: responses },
          { signal },
        );
        return onDevice(toSignInResult(answer, challenge.username, config, answeredAt), device.deviceKey);
      } catch (error) {
        throw forgetIfUnknown(error, device, ports.storage, config.storageKey);
      }
    },

    async forget({ config, ports, sub, deviceKey }: KeptDeviceInput) {
      if (readDeviceOf(ports.storage, config.storageKey, sub)?.deviceKey === deviceKey) forgetDeviceOf(ports.storage, config.storageKey, sub);
    },

    async forgetName({ config, ports, username, deviceKey }: SignInNameInput) {
      forgetNameOf(ports.storage, config.storageKey, username, deviceKey);
    },
  };
}

/**
 * A device the pool no longer knows (ResourceNotFound: forgotten elsewhere) is forgotten here, so
 * the next sign-in is a new device's. Any other refusal is the sign-in's (a session that ran out,
 * a disabled user: NotAuthorized) and keeps the device.
 */
function forgetIfUnknown(error: unknown, device: DeviceRecord, storage: Parameters<typeof forgetDeviceOf>[0], storageKey: string): unknown {
  if (toAuthError(error).cognitoName !== 'ResourceNotFoundException') return error;
  forgetDeviceOf(storage, storageKey, device.sub);
  return deviceForgotten(error);
}

function deviceForgotten(cause?: unknown): AuthError {
  return new AuthError('deviceForgotten', 'This device is no longer remembered for the account; please sign in again.', { cause });
}
