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
 * one on the way, found by evaluating the always-branches' guards in order, as XState does.
 */
export function transitionsTaken(before: AnyMachineSnapshot, event: EventObject): string[] {
  const keys = authMachine.getTransitionData(before as never, event as never).map(transitionKey);
  const microsteps = getMicrosteps(authMachine, before as never, event as never).map(([snapshot]) => snapshot);
  for (const snapshot of microsteps.slice(0, -1)) {
    const eventless = snapshot._nodes.flatMap((node) => node.always ?? []);
    const taken = eventless.find((transition) => guardPasses(transition, snapshot, event));
    if (taken) keys.push(transitionKey(taken));
  }
  return keys;
}

type GuardImplementation = (args: { context: unknown; event: EventObject }, params: unknown) => boolean;

/** Evaluates a named guard (with its params) the way the machine would. */
function guardPasses(transition: AnyTransitionDefinition, snapshot: AnyMachineSnapshot, event: EventObject): boolean {
  const guard = transition.guard as string | { type: string; params?: unknown } | undefined;
  if (guard === undefined) return true;
  const { type, params } = typeof guard === 'string' ? { type: guard, params: undefined } : guard;
  const implementation = (authMachine.implementations.guards as Record<string, GuardImplementation>)[type];
  if (!implementation) throw new Error(`Unknown guard ${type}`);
  const args = { context: snapshot.context, event };
  return implementation(args, typeof params === 'function' ? params(args) : params);
}
