import type { InspectionEvent } from 'xstate';
import { redactValue } from './redactValue.js';

/** Snapshot fields that can hold secrets: machine context, and an invoked actor's input and output. */
const SNAPSHOT_FIELDS = ['context', 'input', 'output', 'error'] as const;

function redactSnapshot(snapshot: object): object {
  const copy: Record<string, unknown> = { ...snapshot };
  for (const field of SNAPSHOT_FIELDS) {
    if (field in copy) copy[field] = redactValue(copy[field]);
  }
  return copy;
}

/**
 * The actor as inspectors see it: the same reference in every other respect (id, sessionId,
 * parent, logic), but its snapshots come redacted. Inspectors read the live actor too, not only
 * the event's snapshot: `@statelyai/inspect` takes an invoked actor's first snapshot from
 * `actorRef.getSnapshot()`, later, and a request actor's snapshot holds its input (a password)
 * and its output (fresh tokens).
 */
function redactedActor<T extends object>(actorRef: T): T {
  return new Proxy(actorRef, {
    get(target, property) {
      if (property === 'getSnapshot' || property === 'getPersistedSnapshot') {
        const read = Reflect.get(target, property, target) as () => object;
        return () => redactSnapshot(read.call(target));
      }
      const value: unknown = Reflect.get(target, property, target);
      // Methods run on the actor itself, never on the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The inspection event with tokens, passwords and challenge sessions taken out of its snapshot,
 * event, action parameters and the snapshots its actor references give. The references stay
 * otherwise, so inspectors can still tell actors apart.
 */
export function redactInspectionEvent(event: InspectionEvent): InspectionEvent {
  const copy = { ...event } as Record<string, unknown>;
  copy.actorRef = redactedActor(event.actorRef);
  if (event.type === '@xstate.event' && event.sourceRef) copy.sourceRef = redactedActor(event.sourceRef);
  if ('snapshot' in event && event.snapshot) copy.snapshot = redactSnapshot(event.snapshot);
  if ('event' in event && event.event) copy.event = redactValue(event.event);
  if (event.type === '@xstate.action') copy.action = redactValue(event.action);
  return copy as unknown as InspectionEvent;
}
