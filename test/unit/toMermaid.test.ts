import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { authMachine } from '../../machines/index.js';
import { toMermaid } from '../../machines/toMermaid.js';
import { allTransitionKeys } from '../support/transitionCoverage.js';

describe('toMermaid', () => {
  const chart = toMermaid(authMachine);

  it('draws every state', () => {
    const visit = (node: AnyStateNode): string[] => [
      ...(node.path.length ? [node.path.join('_')] : []),
      ...Object.values(node.states).flatMap((child) => visit(child as AnyStateNode)),
    ];
    for (const id of visit(authMachine.root)) expect(chart).toMatch(new RegExp(`\\b${id}\\b`));
  });

  it('draws one arrow or note per transition target', () => {
    const drawn = chart.split('\n').filter((line) => line.includes(' --> ') && !line.includes('[*]')).length;
    const notes = chart.split('\n').filter((line) => line.includes('note right of')).length;
    // Targetless transitions (actions only, e.g. CANCEL in signedIn.idle) draw nothing.
    expect(drawn + notes).toBeLessThanOrEqual(allTransitionKeys(authMachine).length);
    expect(drawn + notes).toBeGreaterThan(90);
  });
});
