/**
 * Gives `value` a hidden `toJSON`, so `JSON.stringify` of anything holding it (a snapshot, the
 * context, a log line) shows `shown(value)` instead of its secrets. Reading the properties in
 * code is unaffected, and the method is not enumerable, so spreads and equality ignore it.
 */
export function hideFromJson<T extends object>(value: T, shown: (value: T) => unknown): T {
  Object.defineProperty(value, 'toJSON', { value: () => shown(value), enumerable: false });
  return value;
}

export const REDACTED = '[redacted]';
