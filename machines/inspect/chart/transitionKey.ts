import type { AnyTransitionDefinition } from 'xstate';

/**
 * Names one transition of a machine: its source state, its event, and its place among that
 * state's transitions for the event (guarded alternatives share the event). A transition's
 * source belongs to the same machine as the transition itself, so the place is found by
 * identity; the name is then the same for a machine and its `.provide()`d copies, and what an
 * actor reports taking (inspection microsteps) finds the edge drawn from the definition.
 */
export function transitionKey(transition: AnyTransitionDefinition): string {
  const { source, eventType } = transition;
  const siblings = eventType === '' ? (source.always ?? []) : (source.transitions.get(eventType) ?? []);
  return `${source.id}|${eventType}|${siblings.indexOf(transition)}`;
}
