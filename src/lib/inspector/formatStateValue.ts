import type { StateValue } from 'xstate';

/** `{ signedIn: 'idle' }` → `signedIn.idle`; parallel regions are joined with `, `. */
export function formatStateValue(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, inner]) => (inner && Object.keys(inner).length > 0 ? `${key}.${formatStateValue(inner as StateValue)}` : key))
    .join(', ');
}
