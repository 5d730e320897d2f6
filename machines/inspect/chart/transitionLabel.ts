import type { AnyTransitionDefinition } from 'xstate';

/** `xstate.done.actor.signUp` → `done signUp`: the chart shows what happened, not XState's names. */
export function eventLabel(eventType: string): string {
  if (eventType === '') return 'always';
  const done = /^xstate\.(done|error)\.actor\.(\w+)$/.exec(eventType);
  if (done) return `${done[1]} ${done[2]}`;
  const after = /^xstate\.after\.(\w+)\./.exec(eventType);
  if (after) return `after ${after[1]}`;
  return eventType;
}

/** The guard's name, whether given as a string or as `{ type, params }`. */
export function guardName(transition: AnyTransitionDefinition): string | null {
  const guard = transition.guard as { type?: string } | string | undefined;
  return (typeof guard === 'string' ? guard : guard?.type) ?? null;
}

/** What an edge says: `after refreshDue`, `TOKEN_REJECTED [isCurrentToken]`. */
export function transitionLabel(event: string, guard: string | null): string {
  return guard ? `${event} [${guard}]` : event;
}
