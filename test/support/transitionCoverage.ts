import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

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
