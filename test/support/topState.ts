import type { AnyMachineSnapshot } from 'xstate';

/** The top-level state name (`signedIn` for `{ signedIn: 'idle' }`), for short assertions. */
export function topState(snapshot: AnyMachineSnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : (Object.keys(snapshot.value)[0] ?? '');
}
