import type { EventObject, InspectionEvent, StateValue } from 'xstate';
import { transitionKey } from './transitionKey.js';

/** One event the root actor processed, and where it led. */
export interface InspectionEntry {
  /** Counts up from 1: a stable key for lists. */
  id: number;
  /** When it was recorded, by the recorder's `now`. */
  at: number;
  /** The event as the inspector received it (redacted when fed through `redactedInspector`). */
  event: EventObject;
  /** The transitions it took (see transitionKey), in order; empty when it changed nothing. */
  transitions: string[];
  /** The snapshot it led to, as the inspector received it: state value, status and context. */
  snapshot: { value: StateValue; status: string; context: unknown };
}

export interface InspectionRecorderOptions {
  /** The time entries are stamped with (a port: `machines/` reads no clock of its own). */
  now: () => number;
  /** Entries kept, newest first; older ones are dropped. */
  limit?: number;
}

type Listener = () => void;

/**
 * Keeps what an inspector receives about a machine's root actor as a log a view can draw:
 * each processed event with the transitions it took and the snapshot it led to. Give its
 * `inspect` to `redactedInspector`, so that everything it keeps is already redacted; it adds
 * nothing of its own (no live actor, no reading of the actor's state).
 */
export class InspectionRecorder {
  readonly #now: () => number;
  readonly #limit: number;
  readonly #listeners = new Set<Listener>();
  #entries: InspectionEntry[] = [];
  /** Transitions of the macrostep in progress: microsteps come before its snapshot. */
  #taken: string[] = [];
  #nextId = 1;

  constructor({ now, limit = 200 }: InspectionRecorderOptions) {
    this.#now = now;
    this.#limit = limit;
  }

  /** Newest first. A new array after every change, so views can compare by reference. */
  get entries(): readonly InspectionEntry[] {
    return this.#entries;
  }

  /** The inspection callback: only the root actor's microsteps and snapshots count. */
  readonly inspect = (event: InspectionEvent): void => {
    if (event.actorRef.sessionId !== event.rootId) return;
    if (event.type === '@xstate.microstep') {
      this.#taken.push(...event._transitions.map(transitionKey));
    } else if (event.type === '@xstate.snapshot') {
      const { value, status, context } = event.snapshot as unknown as InspectionEntry['snapshot'];
      const entry = { id: this.#nextId++, at: this.#now(), event: event.event, transitions: this.#taken, snapshot: { value, status, context } };
      this.#taken = [];
      this.#entries = [entry, ...this.#entries].slice(0, this.#limit);
      for (const listener of this.#listeners) listener();
    }
  };

  /** Calls `listener` after each new entry; returns the way to stop. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
