import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

/**
 * The ids of the states a state value makes active, the root's included: `{ signedIn: 'idle' }`
 * → `auth`, `auth.signedIn`, `auth.signedIn.idle`. Read by walking the machine's own nodes, so
 * states with custom ids are found too.
 */
export function activeStateIds(machine: AnyStateMachine, value: StateValue): Set<string> {
  const ids = new Set<string>();
  function visit(node: AnyStateNode, value: StateValue) {
    ids.add(node.id);
    const entries = typeof value === 'string' ? [[value, {}] as const] : Object.entries(value);
    for (const [key, inner] of entries) {
      const child = node.states[key] as AnyStateNode | undefined;
      if (child) visit(child, inner as StateValue);
    }
  }
  visit(machine.root, value);
  return ids;
}
