import type { AnyStateMachine, AnyStateNode } from 'xstate';
// One way to name events and guards, for the Mermaid chart and the inspector's drawing alike.
import { eventLabel, guardName, transitionLabel } from './inspect/chart/transitionLabel.js';

/** Mermaid ids may not contain dots: `auth.signedIn.idle` → `signedIn_idle`. */
function idOf(node: AnyStateNode): string {
  return node.path.join('_');
}

/**
 * The machine as a Mermaid `stateDiagram-v2`, generated from its definition so the picture in
 * the README cannot go stale (CI compares it with the committed one).
 */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const edges: string[] = [];

  function visit(node: AnyStateNode, indent: string) {
    const children = Object.values(node.states) as AnyStateNode[];
    // Composite states are named by id (Mermaid cannot alias them); leaves show their own key.
    if (node !== machine.root) {
      if (children.length > 0) lines.push(`${indent}state ${idOf(node)} {`);
      else if (idOf(node) !== node.key) lines.push(`${indent}state "${node.key}" as ${idOf(node)}`);
      else lines.push(`${indent}${idOf(node)}`);
    }
    const inner = node === machine.root ? indent : `${indent}  `;
    const initial = node.initial?.target?.[0] as AnyStateNode | undefined;
    if (initial) lines.push(`${inner}[*] --> ${idOf(initial)}`);
    for (const child of children) visit(child, inner);
    if (node !== machine.root && children.length > 0) lines.push(`${indent}}`);

    const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const transition of transitions) {
      const label = transitionLabel(eventLabel(transition.eventType), guardName(transition));
      for (const target of (transition.target ?? []) as AnyStateNode[]) {
        // The root's transitions apply in every state; Mermaid has no "any state", so say it.
        if (node === machine.root) edges.push(`  note right of ${idOf(target)} : from any state, ${label}`);
        else edges.push(`  ${idOf(node)} --> ${idOf(target)} : ${label}`);
      }
    }
  }

  visit(machine.root, '  ');
  return [...lines, ...edges].join('\n') + '\n';
}
