import type { InspectionEvent } from 'xstate';
import { toAuthError, type Auth } from '../../machines/index.js';
import { redactValue } from '../../machines/inspect/index.js';
import { stateName, type StateValue } from './stateName.js';

export interface Transition {
  /** Increasing number, for keyed lists. */
  id: number;
  /** Device-clock ms. */
  at: number;
  from: string;
  to: string;
  /** The event's type, e.g. `SIGN_IN` or `xstate.done.actor.refreshSession`. */
  event: string;
  /** A short, redacted summary of the event's payload, e.g. an error code. */
  detail: string | undefined;
}

const DETAIL_MAX = 80;

/**
 * The auth actor's recent state changes and the events that caused them, newest first, for a
 * debug panel. Events pass through `redactValue` before anything is kept: no tokens, no passwords.
 * It listens through `actor.system.inspect`, so it needs no `inspect` option on createAuth.
 */
export class TransitionLog {
  #entries = $state<Transition[]>([]);
  readonly #limit: number;
  readonly #unsubscribe: () => void;
  #nextId = 1;

  constructor(actor: Auth['actor'], options: { limit: number }) {
    this.#limit = options.limit;
    const clock = actor.getSnapshot().context.ports.clock;
    let previous = stateName(actor.getSnapshot().value);
    const subscription = actor.system.inspect((inspection: InspectionEvent) => {
      if (inspection.type !== '@xstate.snapshot' || inspection.actorRef !== actor) return;
      const to = stateName((inspection.snapshot as unknown as { value: StateValue }).value);
      if (to === previous) return;
      this.#add({ at: clock.now(), from: previous, to, ...describe(inspection.event) });
      previous = to;
    });
    this.#unsubscribe = () => subscription.unsubscribe();
  }

  get entries(): readonly Transition[] {
    return this.#entries;
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #add(entry: Omit<Transition, 'id'>): void {
    this.#entries = [{ id: this.#nextId++, ...entry }, ...this.#entries].slice(0, this.#limit);
  }
}

/**
 * The event's type and a one-line summary of what it carried, from its redacted copy. The one
 * exception is an error's AuthError code, a fixed word, read from the event itself: redactValue
 * hides every `code` key, since MFA and confirmation codes are secrets.
 */
function describe(raw: unknown): { event: string; detail: string | undefined } {
  const event = redactValue(raw) as Record<string, unknown> & { type?: unknown };
  const type = typeof event.type === 'string' ? event.type : 'unknown';
  const error = (raw as { error?: unknown }).error;
  if (error !== undefined) return { event: type, detail: toAuthError(error).code };
  return { event: type, detail: detailOf(type, event) };
}

function detailOf(type: string, event: Record<string, unknown>): string | undefined {
  // Invoked actors' results: sessions are long; their gist is a status.
  if (type.startsWith('xstate.done.actor.')) {
    const output = event.output as { status?: unknown } | undefined;
    return typeof output?.status === 'string' ? output.status : undefined;
  }
  const { type: _type, ...payload } = event;
  if (Object.keys(payload).length === 0) return undefined;
  const text = JSON.stringify(payload);
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}
