import type { AnyActorRef } from 'xstate';

/** A delayed transition waiting to fire: `after refreshDue` from `auth.signedIn`. */
export interface PendingDelay {
  /** The delay's name (or its milliseconds, for a delay given as a number). */
  delay: string;
  /** The state whose `after` it is. */
  stateId: string;
  /** When it fires, in the scheduler's time (`Date.now()`, as XState stamps it). */
  dueAt: number;
}

const AFTER_EVENT = /^xstate\.after\.([^.]+)\.(.+)$/;

/**
 * The `after` timers the actor has running, soonest first, read from its system's scheduler.
 * Only delayed transitions' own events are read: their type names the delay and the state and
 * carries nothing else (delayed `sendTo`/`raise` events, which may carry payloads, are skipped).
 */
export function pendingDelays(actor: AnyActorRef): PendingDelay[] {
  const scheduled = Object.values(actor.system.getSnapshot()._scheduledEvents);
  return scheduled
    .filter((entry) => entry.target === actor)
    .flatMap((entry) => {
      const match = AFTER_EVENT.exec(entry.event.type);
      return match ? [{ delay: match[1]!, stateId: match[2]!, dueAt: entry.startedAt + entry.delay }] : [];
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}
