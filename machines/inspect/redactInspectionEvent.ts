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
 * The inspection event with tokens, passwords and challenge sessions taken out of its snapshot,
 * event and action parameters. The actor references stay, so inspectors can still tell actors apart.
 */
export function redactInspectionEvent(event: InspectionEvent): InspectionEvent {
  const copy = { ...event } as Record<string, unknown>;
  if ('snapshot' in event && event.snapshot) copy.snapshot = redactSnapshot(event.snapshot);
  if ('event' in event && event.event) copy.event = redactValue(event.event);
  if (event.type === '@xstate.action') copy.action = redactValue(event.action);
  return copy as unknown as InspectionEvent;
}
