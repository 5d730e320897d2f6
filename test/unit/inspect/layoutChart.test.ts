import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { createMachine, type AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { authMachine } from '../../../machines/authMachine.js';
import { allStateNodes } from './allStateNodes.js';
import { chartToSvg, layoutChart, transitionKey, type ChartLayouter } from '../../../machines/inspect/chart/index.js';

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

// Laid out inside each test, not in beforeAll: StrykerJS switches a mutant on per test, so a
// layout made before the first test would never contain the mutant (issue 20).
const layoutOfAuthMachine = () => layoutChart(authMachine, new ELK());

describe('layoutChart', () => {

  it('draws every state of the definition once, each inside its parent', async () => {
    const layout = await layoutOfAuthMachine();
    expect(layout.boxes.map((box) => box.id).sort()).toEqual(allStateNodes(authMachine).map((node) => node.id).sort());
    const byId = new Map(layout.boxes.map((box) => [box.id, box]));
    for (const box of layout.boxes) {
      if (box.parent === null) continue;
      expect(inside(box, byId.get(box.parent)!), `${box.id} inside ${box.parent}`).toBe(true);
    }
    expect(byId.get('auth.signedIn.idle')).toMatchObject({ key: 'idle', depth: 2, initial: true, parent: 'auth.signedIn' });
    expect(byId.get('auth.restoring')!.invokes).toEqual(['invoke restoreSession']);
  });

  it('draws every transition with a target, from its source to each target, labelled with its event and guard', async () => {
    const layout = await layoutOfAuthMachine();
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

  it('routes each edge as a polyline and places its label', async () => {
    const layout = await layoutOfAuthMachine();
    for (const edge of layout.edges) {
      expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
      expect(edge.label.height, edge.id).toBeGreaterThan(0);
      for (const point of [...edge.points, edge.label]) {
        expect(point.x >= 0 && point.y >= 0 && point.x <= layout.width && point.y <= layout.height, `${edge.id} in bounds`).toBe(true);
      }
    }
  });

  it('gives the same layout, and the same SVG bytes, every time', async () => {
    const layout = await layoutOfAuthMachine();
    const again = await layoutOfAuthMachine();
    expect(again).toEqual(layout);
    expect(chartToSvg(again)).toBe(chartToSvg(layout));
  });
});

/** A small chart with nesting, an invocation and transitions between siblings. */
const small = createMachine({
  id: 'm',
  initial: 'a',
  states: {
    a: { on: { GO: 'b' } },
    b: {
      initial: 'inner',
      invoke: { src: 'poll' },
      states: { first: {}, inner: { on: { DONE: '#m.a' } } },
    },
  },
});

/**
 * ELK's answer, written by hand: every node placed at fractional coordinates, and each edge's
 * route and label as `route` gives them (ELK leaves out what it did not compute).
 */
function handLayout(route: (edge: ElkExtendedEdge) => Partial<ElkExtendedEdge>, leaveOut?: string): ChartLayouter {
  let offset = 0;
  const place = (node: ElkNode): ElkNode => {
    offset += 10;
    return {
      ...node,
      x: offset + 0.4,
      y: offset + 0.6,
      width: 100.5,
      height: 50.2,
      children: node.children?.filter((child) => child.id !== leaveOut).map(place),
    };
  };
  const layout = async (graph: ElkNode) => ({
    ...place(graph),
    width: 400.4,
    height: 300.6,
    edges: graph.edges?.map((edge) => ({ ...edge, ...route(edge) })),
  });
  return { layout } as unknown as ChartLayouter;
}

describe('layoutChart, reading what ELK answers', () => {
  it('nests boxes by depth and parent, marks only initial states, and rounds to whole pixels', async () => {
    const layout = await layoutChart(small, handLayout(() => ({})));
    expect({ width: layout.width, height: layout.height }).toEqual({ width: 400, height: 301 });
    expect(layout.boxes.map(({ id, parent, depth, initial, invokes }) => ({ id, parent, depth, initial, invokes }))).toEqual([
      { id: 'm', parent: null, depth: 0, initial: false, invokes: [] },
      { id: 'm.a', parent: 'm', depth: 1, initial: true, invokes: [] },
      { id: 'm.b', parent: 'm', depth: 1, initial: false, invokes: ['invoke poll'] },
      { id: 'm.b.first', parent: 'm.b', depth: 2, initial: false, invokes: [] },
      { id: 'm.b.inner', parent: 'm.b', depth: 2, initial: true, invokes: [] },
    ]);
    // The root graph is placed first (offset 10), the machine's root box second (offset 20).
    expect(layout.boxes[0]).toMatchObject({ x: 20, y: 21, width: 101, height: 50 });
  });

  it('routes an edge through its start, bend and end points, and keeps its label box', async () => {
    const route = (): Partial<ElkExtendedEdge> => ({
      sections: [
        { id: 's1', startPoint: { x: 1.2, y: 2.7 }, bendPoints: [{ x: 3.5, y: 4.4 }], endPoint: { x: 5, y: 6 } },
        { id: 's2', startPoint: { x: 5, y: 6 }, endPoint: { x: 7.6, y: 8 } },
      ],
      labels: [{ x: 10.4, y: 11.5, width: 30.2, height: 14.9 }],
    });
    const layout = await layoutChart(small, handLayout(route));
    const go = layout.edges.find((edge) => edge.id === 'm.a->m.b')!;
    expect(go).toMatchObject({ source: 'm.a', target: 'm.b' });
    expect(go.lines.map((line) => line.text)).toEqual(['GO']);
    expect(go.points).toEqual([{ x: 1, y: 3 }, { x: 4, y: 4 }, { x: 5, y: 6 }, { x: 5, y: 6 }, { x: 8, y: 8 }]);
    expect(go.label).toEqual({ x: 10, y: 12, width: 30, height: 15 });
  });

  it('draws an edge ELK did not route or label as empty, rather than failing', async () => {
    const layout = await layoutChart(small, handLayout(() => ({ sections: undefined, labels: undefined })));
    expect(layout.edges.map((edge) => [edge.id, edge.points, edge.label])).toEqual([
      ['m.a->m.b', [], { x: 0, y: 0, width: 0, height: 0 }],
      ['m.b.inner->m.a', [], { x: 0, y: 0, width: 0, height: 0 }],
    ]);
  });

  it('fails, naming the state, when ELK loses one', async () => {
    await expect(layoutChart(small, handLayout(() => ({}), 'm.b.first'))).rejects.toThrow(new Error('The layout lost state m.b.first'));
  });
});
