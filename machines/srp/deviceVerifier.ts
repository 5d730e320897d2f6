import { bytesToBase64, bytesToHex, g, hexHash, hexToBytes, modPow, N, padHex, sha256 } from './srpGroup.js';

/** The device Cognito named in NewDeviceMetadata. */
export interface DeviceIdentity {
  deviceGroupKey: string;
  deviceKey: string;
}

export interface DeviceVerifier {
  /** The device's password: a secret as good as the refresh token, kept beside it, never sent. */
  devicePassword: string;
  /** ConfirmDevice's DeviceSecretVerifierConfig: what Cognito keeps to check the device's proofs. */
  verifierConfig: { PasswordVerifier: string; Salt: string };
}

const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/**
 * A device's SRP verifier, as the reference client makes it: password = base64 of 40 random
 * bytes, salt = 16 random bytes read as a number (`padHex`, so leading zero bytes go),
 * x = H(PAD(salt) | H(groupKey | deviceKey | ":" | password)), verifier = PAD(g^x mod N); salt
 * and verifier go as base64 of the bytes their hex spells. `random` is the seam for tests.
 */
export async function createDeviceVerifier(device: DeviceIdentity, random: (length: number) => Uint8Array = randomBytes): Promise<DeviceVerifier> {
  const devicePassword = bytesToBase64(random(40));
  const salt = padHex(BigInt(`0x${bytesToHex(random(16))}`));
  const identity = await sha256(new TextEncoder().encode(`${device.deviceGroupKey}${device.deviceKey}:${devicePassword}`));
  const x = BigInt(`0x${await hexHash(salt + bytesToHex(identity))}`);
  const verifier = padHex(modPow(g, x, N));
  return { devicePassword, verifierConfig: { PasswordVerifier: bytesToBase64(hexToBytes(verifier)), Salt: bytesToBase64(hexToBytes(salt)) } };
}
