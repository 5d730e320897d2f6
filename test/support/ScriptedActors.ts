import { fromCallback, fromPromise, type AnyActorLogic } from 'xstate';
import { authMachine } from '../../machines/index.js';

export type ActorId = keyof typeof authMachine.implementations.actors & string;

/** Long-lived actors that send events rather than finish with an output. */
const CALLBACK_ACTORS: ReadonlySet<string> = new Set(['listenToTabs', 'listenForSignals', 'holdRefreshLock']);

interface Pending {
  resolve(output: unknown): void;
  reject(error: unknown): void;
}

/**
 * Replaces the machine's invoked actors with promises the test settles by hand, so a test decides
 * exactly when and how each request ends. Tracks how many of each are in flight.
 */
export class ScriptedActors {
  readonly #pending = new Map<ActorId, Pending[]>();
  /** The most requests of one kind that were ever in flight at once. */
  readonly maxInFlight: Partial<Record<ActorId, number>> = {};

  /**
   * The auth machine with every request scripted. The tab listener and the lock holder do nothing:
   * the test sends their events (SESSION_CHANGED_ELSEWHERE, LOCK_ACQUIRED…) itself.
   */
  machine() {
    const ids = Object.keys(authMachine.implementations.actors) as ActorId[];
    return authMachine.provide({
      actors: Object.fromEntries(ids.map((id) => [id, CALLBACK_ACTORS.has(id) ? fromCallback(() => {}) : this.#logic(id)])),
    });
  }

  /** Kinds of request in flight now, oldest kind first. */
  inFlightIds(): ActorId[] {
    return [...this.#pending.entries()].filter(([, queue]) => queue.length > 0).map(([id]) => id);
  }

  inFlight(id: ActorId): number {
    return this.#pending.get(id)?.length ?? 0;
  }

  /** Ends the oldest in-flight request of that kind; throws when none is running. */
  settle(id: ActorId, outcome: { output: unknown } | { error: unknown }): void {
    const queue = this.#pending.get(id) ?? [];
    const request = queue.shift();
    if (!request) throw new Error(`No ${id} request is in flight`);
    if ('error' in outcome) request.reject(outcome.error);
    else request.resolve(outcome.output);
  }

  #logic(id: ActorId): AnyActorLogic {
    return fromPromise(
      ({ signal }) =>
        new Promise((resolve, reject) => {
          const queue = this.#pending.get(id) ?? [];
          const request: Pending = { resolve, reject };
          queue.push(request);
          this.#pending.set(id, queue);
          this.maxInFlight[id] = Math.max(this.maxInFlight[id] ?? 0, queue.length);
          // A stopped invocation (the state was left) is no longer in flight.
          const forget = () => {
            const index = queue.indexOf(request);
            if (index !== -1) queue.splice(index, 1);
          };
          signal.addEventListener('abort', forget, { once: true });
        }),
    );
  }
}

/** Lets promise callbacks and the actor's resulting events run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
