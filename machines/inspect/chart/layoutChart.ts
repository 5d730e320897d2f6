import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { ChartBox, ChartEdge, ChartLayout, ChartPoint } from './ChartLayout.js';
import { chartFingerprint } from './chartFingerprint.js';
import { chartGraph, childrenOf, headerLines, type ChartElkEdge } from './chartGraph.js';

/** ELK itself, or anything with its `layout`: the caller picks the build (bundled, worker). */
export type ChartLayouter = Pick<ELK, 'layout'>;

/** Layout output is fractional; whole pixels keep the SVG short and the same on every run. */
const round = (value = 0) => Math.round(value);

function byId(node: ElkNode, into = new Map<string, ElkNode>()): Map<string, ElkNode> {
  into.set(node.id, node);
  for (const child of node.children ?? []) byId(child, into);
  return into;
}

function boxes(node: AnyStateNode, laidOut: Map<string, ElkNode>, depth = 0): ChartBox[] {
  const shape = laidOut.get(node.id);
  if (!shape) throw new Error(`The layout lost state ${node.id}`);
  const initial = node.parent?.initial?.target?.[0] === node;
  const box: ChartBox = {
    id: node.id,
    parent: node.parent?.id ?? null,
    key: node.key,
    depth,
    initial,
    invokes: headerLines(node),
    x: round(shape.x),
    y: round(shape.y),
    width: round(shape.width),
    height: round(shape.height),
  };
  return [box, ...childrenOf(node).flatMap((child) => boxes(child, laidOut, depth + 1))];
}

function edge(laidOut: ChartElkEdge): ChartEdge {
  const points: ChartPoint[] = (laidOut.sections ?? []).flatMap((section) => [
    section.startPoint,
    ...(section.bendPoints ?? []),
    section.endPoint,
  ]);
  const label = laidOut.labels?.[0] ?? {};
  return {
    id: laidOut.id,
    source: laidOut.sources[0]!,
    target: laidOut.targets[0]!,
    lines: laidOut.lines,
    points: points.map((point) => ({ x: round(point.x), y: round(point.y) })),
    label: { x: round(label.x), y: round(label.y), width: round(label.width), height: round(label.height) },
  };
}

/**
 * The layout to draw: `saved` (e.g. docs/statechart.layout.json, written by `npm run statechart`)
 * when it was made from this very chart, which spares the view ELK's work (most of a render);
 * otherwise a fresh one from ELK.
 */
export async function layoutFor(machine: AnyStateMachine, elk: () => ChartLayouter, saved?: ChartLayout): Promise<ChartLayout> {
  if (saved && saved.fingerprint === chartFingerprint(machine)) return saved;
  return layoutChart(machine, elk());
}

/**
 * The machine's statechart laid out by ELK: boxes for states (outer before inner), edges for
 * transitions, all in absolute whole-pixel coordinates. Pure apart from ELK's own work: the same
 * machine gives the same layout, in Node and in a browser.
 */
export async function layoutChart(machine: AnyStateMachine, elk: ChartLayouter): Promise<ChartLayout> {
  const laidOut = await elk.layout(chartGraph(machine));
  const edges = (laidOut.edges ?? []) as ChartElkEdge[];
  return {
    fingerprint: chartFingerprint(machine),
    width: round(laidOut.width),
    height: round(laidOut.height),
    boxes: boxes(machine.root, byId(laidOut)),
    edges: edges.map(edge),
  };
}
