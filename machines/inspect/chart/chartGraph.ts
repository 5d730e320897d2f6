import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { ChartEdgeLine } from './ChartLayout.js';
import { BOX_PADDING, HEADER_HEIGHT, LINE_HEIGHT, TEXT_SIZE, TITLE_SIZE, textWidth } from './chartMetrics.js';
import { transitionKey } from './transitionKey.js';
import { eventLabel, guardName, transitionLabel } from './transitionLabel.js';

/** An ELK edge that keeps the transitions it stands for, to read back after the layout. */
export type ChartElkEdge = ElkExtendedEdge & { lines: ChartEdgeLine[] };

/**
 * Layered, top to bottom, with nested states laid out together with the edges that cross their
 * borders (INCLUDE_CHILDREN: one layout for the whole hierarchy, as Stately's visualiser does).
 * Coordinates come back absolute, so renderers need not add up parents' offsets.
 */
const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

function invokedSources(node: AnyStateNode): string[] {
  return node.invoke.map((invoke) => (typeof invoke.src === 'string' ? invoke.src : invoke.id));
}

export function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

/** A box's own content: its title and one line per invoked actor. */
export function headerLines(node: AnyStateNode): string[] {
  return invokedSources(node).map((src) => `invoke ${src}`);
}

function headerSize(node: AnyStateNode): { width: number; height: number } {
  const lines = headerLines(node);
  const width = Math.max(textWidth(node.key, TITLE_SIZE), ...lines.map((line) => textWidth(line, TEXT_SIZE)));
  return { width: width + 2 * BOX_PADDING, height: HEADER_HEIGHT + lines.length * LINE_HEIGHT };
}

function elkNode(node: AnyStateNode): ElkNode {
  const header = headerSize(node);
  const children = childrenOf(node);
  if (children.length === 0) return { id: node.id, width: header.width, height: header.height + BOX_PADDING / 2 };
  return {
    id: node.id,
    children: children.map(elkNode),
    layoutOptions: {
      'elk.padding': `[top=${header.height + BOX_PADDING},left=${BOX_PADDING},bottom=${BOX_PADDING},right=${BOX_PADDING}]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${header.width}, ${header.height})`,
    },
  };
}

function transitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  return [...node.transitions.values()].flat().concat(node.always ?? []);
}

/** The node's transitions grouped by target, in definition order. */
function edgesFrom(node: AnyStateNode): ChartElkEdge[] {
  const byTarget = new Map<string, ChartEdgeLine[]>();
  for (const transition of transitionsOf(node)) {
    const event = eventLabel(transition.eventType);
    const guard = guardName(transition);
    const line = { transition: transitionKey(transition), event, guard, text: transitionLabel(event, guard) };
    for (const target of (transition.target ?? []) as AnyStateNode[]) {
      byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), line]);
    }
  }
  return [...byTarget].map(([target, lines]) => ({
    id: `${node.id}->${target}`,
    sources: [node.id],
    targets: [target],
    // ELK places only labels with text; the renderers draw the lines themselves.
    labels: [{ text: lines.map((line) => line.text).join('\n'), width: Math.max(...lines.map((line) => textWidth(line.text, TEXT_SIZE))), height: lines.length * LINE_HEIGHT }],
    lines,
  }));
}

function elkEdges(node: AnyStateNode): ChartElkEdge[] {
  return edgesFrom(node).concat(childrenOf(node).flatMap(elkEdges));
}

/**
 * The ELK graph of a machine, read from its definition (`machine.root`): a node per state,
 * nested as the states are, and an edge per source and target, labelled with the events and
 * guards of the transitions between them. Transitions without a target (actions only) change no
 * state and are not drawn.
 */
export function chartGraph(machine: AnyStateMachine): ElkNode & { edges: ChartElkEdge[] } {
  return {
    id: '__chart',
    layoutOptions: { ...ROOT_OPTIONS },
    children: [elkNode(machine.root)],
    edges: elkEdges(machine.root),
  };
}
