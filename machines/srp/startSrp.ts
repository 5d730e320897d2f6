import { bytesToHex, g, modPow, N } from './srpGroup.js';

/** The client's ephemeral SRP values: `a` is a secret and never leaves the sign-in actor. */
export interface SrpSecret {
  a: bigint;
  /** g^a mod N, sent as SRP_A (hex). */
  A: bigint;
}

const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** A fresh `a` of 128 random bytes (as the reference client) and its `A`. */
export function startSrp(random: (length: number) => Uint8Array = randomBytes): SrpSecret {
  for (;;) {
    const a = BigInt(`0x${bytesToHex(random(128))}`);
    const A = modPow(g, a, N);
    // A mod N = 0 would let anyone pass; with a random `a` it does not happen, but never send it.
    if (A !== 0n) return { a, A };
  }
}
