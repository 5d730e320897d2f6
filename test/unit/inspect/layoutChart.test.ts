import ELK from 'elkjs/lib/elk.bundled.js';
import type { AnyStateNode } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { authMachine } from '../../../machines/authMachine.js';
import { allStateNodes } from './allStateNodes.js';
import { chartToSvg, layoutChart, transitionKey, type ChartLayout } from '../../../machines/inspect/chart/index.js';

/** The oracle: every transition with a target, read from the machine's own state nodes. */
function targetedTransitions(): { key: string; source: string; targets: string[] }[] {
  return allStateNodes(authMachine).flatMap((node: AnyStateNode) =>
    [...node.transitions.values()]
      .flat()
      .concat(node.always ?? [])
      .filter((transition) => (transition.target ?? []).length > 0)
      .map((transition) => ({ key: transitionKey(transition), source: node.id, targets: (transition.target as AnyStateNode[]).map((target) => target.id) })),
  );
}

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('layoutChart', () => {
  let layout: ChartLayout;
  beforeAll(async () => {
    layout = await layoutChart(authMachine, new ELK());
  });

  it('draws every state of the definition once, each inside its parent', () => {
    expect(layout.boxes.map((box) => box.id).sort()).toEqual(allStateNodes(authMachine).map((node) => node.id).sort());
    const byId = new Map(layout.boxes.map((box) => [box.id, box]));
    for (const box of layout.boxes) {
      if (box.parent === null) continue;
      expect(inside(box, byId.get(box.parent)!), `${box.id} inside ${box.parent}`).toBe(true);
    }
    expect(byId.get('auth.signedIn.idle')).toMatchObject({ key: 'idle', depth: 2, initial: true, parent: 'auth.signedIn' });
    expect(byId.get('auth.restoring')!.invokes).toEqual(['invoke restoreSession']);
  });

  it('draws every transition with a target, from its source to each target, labelled with its event and guard', () => {
    const lines = layout.edges.flatMap((edge) => edge.lines.map((line) => ({ ...line, source: edge.source, target: edge.target })));
    for (const transition of targetedTransitions()) {
      for (const target of transition.targets) {
        expect(lines.some((line) => line.transition === transition.key && line.source === transition.source && line.target === target), `${transition.key} → ${target}`).toBe(true);
      }
    }
    expect(lines.find((line) => line.transition === 'auth.signedIn.idle|TOKEN_REJECTED|0')).toMatchObject({
      event: 'TOKEN_REJECTED',
      guard: 'isCurrentToken',
      text: 'TOKEN_REJECTED [isCurrentToken]',
      target: 'auth.refreshing',
    });
    expect(lines.find((line) => line.transition.startsWith('auth.signedIn|xstate.after.refreshDue'))?.event).toBe('after refreshDue');
  });

  it('routes each edge as a polyline and places its label', () => {
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(edge.label.height, edge.id).toBeGreaterThan(0);
      for (const point of [...edge.points, edge.label]) {
        expect(point.x >= 0 && point.y >= 0 && point.x <= layout.width && point.y <= layout.height, `${edge.id} in bounds`).toBe(true);
      }
    }
  });

  it('gives the same layout, and the same SVG bytes, every time', async () => {
    const again = await layoutChart(authMachine, new ELK());
    expect(again).toEqual(layout);
    expect(chartToSvg(again)).toBe(chartToSvg(layout));
  });
});
