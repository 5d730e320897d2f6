import type { ChartBox, ChartEdge, ChartPoint } from './ChartLayout.js';
import { BOX_PADDING, HEADER_HEIGHT, LINE_HEIGHT, TEXT_SIZE, TITLE_SIZE } from './chartMetrics.js';

// Where things go inside the laid-out geometry, for every renderer (the static SVG string and
// the live Svelte view draw the same shapes from these).

/** Fills and strokes, as SVG presentation attributes: the SVG needs no stylesheet. */
export const CHART_COLORS = {
  background: '#ffffff',
  box: ['#f8fafc', '#f1f5f9'],
  boxStroke: '#94a3b8',
  text: '#0f172a',
  muted: '#475569',
  edge: '#64748b',
  labelBackground: '#ffffff',
  active: '#16a34a',
  activeFill: '#dcfce7',
  taken: '#ea580c',
} as const;

export const BOX_RADIUS = 8;
export const ARROW_ID = 'chart-arrow';

/** Nested boxes alternate two fills, so a child stands out from its parent. */
export function boxFill(box: ChartBox): string {
  return CHART_COLORS.box[box.depth % 2]!;
}

export function titleAt(box: ChartBox): ChartPoint {
  return { x: box.x + BOX_PADDING + (box.initial ? 10 : 0), y: box.y + HEADER_HEIGHT / 2 + TITLE_SIZE / 2 - 2 };
}

/** The initial state's mark: a dot before its title, as a chart's initial pseudo-state. */
export function initialMarkAt(box: ChartBox): ChartPoint {
  return { x: box.x + BOX_PADDING + 3, y: box.y + HEADER_HEIGHT / 2 };
}

/** Baselines of the box's invocation lines, under its title. */
export function invokeLineAt(box: ChartBox, index: number): ChartPoint {
  return { x: box.x + BOX_PADDING, y: box.y + HEADER_HEIGHT + index * LINE_HEIGHT + TEXT_SIZE / 2 };
}

/** Baselines of an edge label's lines, one per transition. */
export function edgeLineAt(edge: ChartEdge, index: number): ChartPoint {
  return { x: edge.label.x, y: edge.label.y + index * LINE_HEIGHT + TEXT_SIZE };
}

export function edgePath(points: ChartPoint[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
}
