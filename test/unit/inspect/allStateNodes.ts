import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** Every state node of a machine, the root first, read from the definition (the tests' oracle). */
export function allStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const visit = (node: AnyStateNode): AnyStateNode[] => [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(visit)];
  return visit(machine.root);
}
