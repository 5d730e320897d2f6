import { signClaim } from './passwordClaim.js';
import type { SrpSecret } from './startSrp.js';

export interface DeviceClaimInput {
  deviceGroupKey: string;
  deviceKey: string;
  /** The password whose verifier ConfirmDevice stored. */
  devicePassword: string;
  secret: SrpSecret;
  /** DEVICE_PASSWORD_VERIFIER's ChallengeParameters: SRP_B, SALT, SECRET_BLOCK, USERNAME. */
  parameters: Record<string, string>;
  /** The user's username, used when the challenge names none. */
  username: string;
  /** Device time, ms: the claim's TIMESTAMP. */
  now: number;
}

/**
 * The answer to DEVICE_PASSWORD_VERIFIER: the device proves its password as a user proves
 * theirs, with the device group key for the pool name and the device key for the user's id
 * (so passwordClaim, which answers as USER_ID_FOR_SRP, cannot serve). USERNAME is still the
 * user's, and DEVICE_KEY names the device. Bad server values are an `invalidResponse`.
 */
export async function deviceClaim(input: DeviceClaimInput): Promise<Record<string, string>> {
  const signed = await signClaim({
    realm: input.deviceGroupKey,
    userId: input.deviceKey,
    password: input.devicePassword,
    secret: input.secret,
    parameters: input.parameters,
    now: input.now,
  });
  return { USERNAME: input.parameters['USERNAME'] || input.username, ...signed, DEVICE_KEY: input.deviceKey };
}
