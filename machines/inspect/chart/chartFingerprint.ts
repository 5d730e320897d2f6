import type { AnyStateMachine } from 'xstate';
import { chartGraph } from './chartGraph.js';

/**
 * A short digest of what ELK is given for a machine (its states, transitions, labels and sizes):
 * a layout made earlier, e.g. by `npm run statechart`, fits the machine when their digests match.
 * FNV-1a, 32 bits: enough to tell an edited chart from the one laid out, not a security measure.
 */
export function chartFingerprint(machine: AnyStateMachine): string {
  const text = JSON.stringify(chartGraph(machine));
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
