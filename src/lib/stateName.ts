/** A snapshot's `value` as a dotted path: `{ refreshing: 'requesting' }` → `refreshing.requesting`. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', undefined];
  return child ? `${key}.${stateName(child)}` : key;
}

/** XState's state value shape (the auth machine has no parallel states, so one key per level). */
export type StateValue = string | { [key: string]: StateValue | undefined };
