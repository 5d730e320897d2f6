import type { SignInResult } from '../AuthContext.js';
import type { AuthPorts } from '../AuthPorts.js';
import type { Challenge } from '../challenges/Challenge.js';
import type { ResolvedAuthConfig } from '../ResolvedAuthConfig.js';
import type { Session } from '../tokens/Session.js';

/** The device Cognito names in a sign-in's answer (NewDeviceMetadata) on a pool that tracks devices. */
export interface NewDevice {
  deviceKey: string;
  deviceGroupKey: string;
}

/** What every device operation gets: the pool's settings, and the ports it may use (the vault worker has only these). */
export interface DeviceContext {
  config: ResolvedAuthConfig;
  ports: Pick<AuthPorts, 'transport' | 'storage' | 'clock'>;
}

export type ConfirmDeviceInput = DeviceContext & { session: Session; newDevice: NewDevice };

export type ProveDeviceInput = DeviceContext & { challenge: Challenge };

/** One of the user's devices: the one whose secret may be kept here. */
export type KeptDeviceInput = DeviceContext & { deviceKey: string; sub: string };

/** A name signed in with, and the device key it led to. */
export type SignInNameInput = DeviceContext & { deviceKey: string; username: string };

/**
 * Remembered devices (`rememberedDevices()` from `authchart/devices`): the chart's states for
 * them are in the core (a new device is confirmed before signedIn; DEVICE_SRP_AUTH is answered
 * while authenticating), their maths and secrets are not, so apps on pools without device
 * tracking do not carry them.
 */
export interface DevicePort {
  /**
   * What ConfirmDevice names this device in the user's list, when the app chose it; a tier that
   * confirms devices elsewhere (the worker tier's vault) sends it there.
   */
  readonly deviceName?: string;
  /** The key of the device remembered here for this sign-in name (InitiateAuth's DEVICE_KEY); null when none. */
  deviceKeyFor(input: DeviceContext & { username: string }): string | null;
  /** ConfirmDevice with a new device secret, kept for the signed-in user. */
  confirm(input: ConfirmDeviceInput, signal: AbortSignal): Promise<void>;
  /** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER: this device proves its secret; tokens or the next step. */
  prove(input: ProveDeviceInput, signal: AbortSignal): Promise<SignInResult>;
  /** After ForgetDevice, the user's deletion, or the pool forgetting it: its secret goes, if it is the one kept here. */
  forget(input: KeptDeviceInput): Promise<void>;
  /**
   * The pool refused the device this name led to: the name leads nowhere now. The device itself
   * stays: the name may belong to another user now, whose sign-in must not cost the first user
   * their device (when the device is gone for good, the next one confirmed takes its place).
   */
  forgetName(input: SignInNameInput): Promise<void>;
}
