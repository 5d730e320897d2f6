import type { InspectionEvent } from 'xstate';
import { redactValue } from './redactValue.js';

/** Snapshot fields that can hold secrets: machine context, and an invoked actor's input and output. */
const SNAPSHOT_FIELDS = ['context', 'input', 'output', 'error'] as const;

function redactSnapshot(snapshot: object): object {
  const copy: Record<string, unknown> = { ...snapshot };
  for (const field of SNAPSHOT_FIELDS) {
    if (field in copy) copy[field] = redactValue(copy[field]);
  }
  // A machine's snapshot holds its invoked actors, live: they are shown redacted as well.
  if (isRecord(copy.children)) {
    copy.children = Object.fromEntries(
      Object.entries(copy.children).map(([id, child]) => [id, isRecord(child) ? redactedActor(child) : child]),
    );
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

type Listener = (snapshot: object) => void;
type SnapshotObserver = { next?: Listener; error?: (error: unknown) => void; complete?: () => void };

/** An observer (or `next` function) that receives redacted snapshots. */
function redactingObserver(observer: unknown): unknown {
  if (typeof observer === 'function') return (snapshot: object) => (observer as Listener)(redactSnapshot(snapshot));
  if (!isRecord(observer)) return observer;
  const target = observer as SnapshotObserver;
  return {
    next: (snapshot: object) => target.next?.(redactSnapshot(snapshot)),
    // The actor's failure, redacted as the snapshot's `error` field is.
    error: (error: unknown) => target.error?.(redactValue(error)),
    complete: () => target.complete?.(),
  };
}

/** One stand-in per actor, so inspectors that key actors by reference see the same one. */
const standIns = new WeakMap<object, object>();

/**
 * The actor as inspectors see it: the same reference in every other respect (id, sessionId,
 * logic), but what it gives of its state comes redacted: `getSnapshot()`, `getPersistedSnapshot()`,
 * `subscribe()`, its children and its parent. Inspectors read the live actor, not only the
 * event's snapshot: `@statelyai/inspect` takes an invoked actor's first snapshot from
 * `actorRef.getSnapshot()`, later, and a request actor's snapshot holds its input (a password)
 * and its output (fresh tokens). Internals beyond these (`system`) stay the live actors.
 */
function redactedActor<T extends object>(actorRef: T): T {
  const known = standIns.get(actorRef);
  if (known) return known as T;
  const standIn = new Proxy(actorRef, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === '_parent') return isRecord(value) ? redactedActor(value) : value;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      switch (property) {
        case 'getSnapshot':
          return () => redactSnapshot(method.call(target) as object);
        case 'getPersistedSnapshot':
          return (...args: unknown[]) => redactValue(method.apply(target, args));
        case 'subscribe':
          return (observer: unknown, ...handlers: unknown[]) =>
            handlers.length > 0
              ? method.call(target, redactingObserver({ next: observer, error: handlers[0], complete: handlers[1] }))
              : method.call(target, redactingObserver(observer));
        case Symbol.observable:
        case '@@observable':
          return () => standIn;
        default:
          // Methods run on the actor itself, never on the stand-in.
          return method.bind(target);
      }
    },
  });
  standIns.set(actorRef, standIn);
  return standIn;
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
