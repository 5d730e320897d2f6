import { createSubscriber } from 'svelte/reactivity';
import type { Auth } from '../../machines/index.js';

type AuthSnapshot = ReturnType<Auth['actor']['getSnapshot']>;

/**
 * Reactive view of the auth actor for runes code. It keeps no copy of machine state: every read
 * asks the actor, and `createSubscriber` re-runs the reading effect when the actor moves.
 */
export class AuthState {
  readonly auth: Auth;
  readonly #subscribe: () => void;

  constructor(auth: Auth) {
    this.auth = auth;
    this.#subscribe = createSubscriber((update) => {
      const subscription = auth.actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  get snapshot(): AuthSnapshot {
    this.#subscribe();
    return this.auth.actor.getSnapshot();
  }

  /** The state as a dotted path, e.g. `refreshing.requesting`. */
  get stateName(): string {
    return flattenStateValue(this.snapshot.value);
  }

  get isAuthenticated(): boolean {
    const snapshot = this.snapshot;
    return snapshot.matches('signedIn') || snapshot.matches('refreshing');
  }

  get error() {
    return this.snapshot.context.error;
  }

  get user() {
    this.#subscribe();
    return this.auth.user();
  }
}

function flattenStateValue(value: string | Record<string, unknown>): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', ''];
  return child ? `${key}.${flattenStateValue(child as string | Record<string, unknown>)}` : key;
}
