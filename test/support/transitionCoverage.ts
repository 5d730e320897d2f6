import { getMicrosteps, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type AnyTransitionDefinition, type EventObject } from 'xstate';
import { authMachine } from '../../machines/index.js';

/** A stable name for a transition: source state, event, and its place among same-event branches. */
export function transitionKey(transition: AnyTransitionDefinition): string {
  const source = transition.source as AnyStateNode;
  const siblings = transition.eventType === '' ? (source.always ?? []) : (source.transitions.get(transition.eventType) ?? []);
  const target = transition.target?.map((node: AnyStateNode) => node.id).join(',') ?? '(self)';
  return `${source.id} --${transition.eventType || 'always'}[${siblings.indexOf(transition)}]--> ${target}`;
}

/** Every transition the machine defines: each event's branches and each `always`, on every state. */
export function allTransitionKeys(machine: AnyStateMachine): string[] {
  const keys: string[] = [];
  const visit = (node: AnyStateNode) => {
    for (const transitions of node.transitions.values()) keys.push(...transitions.map(transitionKey));
    keys.push(...(node.always ?? []).map(transitionKey));
    for (const child of Object.values(node.states)) visit(child as AnyStateNode);
  };
  visit(machine.root);
  return keys;
}

/**
 * The transitions one event takes in the model: the event's own, then each eventless (`always`)
 * one, found as the branch whose target the next microstep entered.
 */
export function transitionsTaken(before: AnyMachineSnapshot, event: EventObject): string[] {
  const keys = authMachine.getTransitionData(before as never, event as never).map(transitionKey);
  const microsteps = getMicrosteps(authMachine, before as never, event as never).map(([snapshot]) => snapshot);
  microsteps.slice(1).forEach((snapshot, index) => {
    const previous = microsteps[index]!;
    const active = new Set(snapshot._nodes.map((node) => node.id));
    const eventless = previous._nodes.flatMap((node) => node.always ?? []);
    const taken = eventless.find((transition) => (transition.target ?? []).every((target) => active.has(target.id)));
    if (taken) keys.push(transitionKey(taken));
  });
  return keys;
}

