import { bytesToHex, g, modPow, N } from './srpGroup.js';

/** The client's ephemeral SRP values: `a` is a secret and never leaves the sign-in actor. */
export interface SrpSecret {
  a: bigint;
  /** g^a mod N, sent as SRP_A (hex). */
  A: bigint;
}

const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/**
 * A fresh `a` of 128 random bytes (as the reference client) and its `A`; `random` is the seam
 * that lets tests fix it. No `A mod N = 0` check, unlike the reference: N is prime, so g^a mod N
 * never is.
 */
export function startSrp(random: (length: number) => Uint8Array = randomBytes): SrpSecret {
  const a = BigInt(`0x${bytesToHex(random(128))}`);
  return { a, A: modPow(g, a, N) };
}
