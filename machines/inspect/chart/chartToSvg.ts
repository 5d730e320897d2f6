import type { ChartBox, ChartEdge, ChartLayout } from './ChartLayout.js';
import { CHART_FONT, TEXT_SIZE, TITLE_SIZE } from './chartMetrics.js';
import { ARROW_ID, BOX_RADIUS, boxFill, CHART_COLORS, edgeLineAt, edgePath, initialMarkAt, invokeLineAt, titleAt } from './chartShapes.js';

const MARGIN = 8;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function boxSvg(box: ChartBox): string {
  const title = titleAt(box);
  const parts = [
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${BOX_RADIUS}" fill="${boxFill(box)}" stroke="${CHART_COLORS.boxStroke}"/>`,
    `<text x="${title.x}" y="${title.y}" font-size="${TITLE_SIZE}" font-weight="700" fill="${CHART_COLORS.text}">${escapeXml(box.key)}</text>`,
  ];
  if (box.initial) {
    const mark = initialMarkAt(box);
    parts.push(`<circle cx="${mark.x}" cy="${mark.y}" r="3.5" fill="${CHART_COLORS.text}"/>`);
  }
  box.invokes.forEach((line, index) => {
    const at = invokeLineAt(box, index);
    parts.push(`<text x="${at.x}" y="${at.y}" font-size="${TEXT_SIZE}" fill="${CHART_COLORS.muted}">${escapeXml(line)}</text>`);
  });
  return `<g data-state="${escapeXml(box.id)}">${parts.join('')}</g>`;
}

function edgeSvg(edge: ChartEdge): string {
  const { label } = edge;
  const lines = edge.lines.map((line, index) => {
    const at = edgeLineAt(edge, index);
    return `<text x="${at.x}" y="${at.y}" font-size="${TEXT_SIZE}" fill="${CHART_COLORS.text}">${escapeXml(line.text)}</text>`;
  });
  return (
    `<g data-edge="${escapeXml(edge.id)}">` +
    `<path d="${edgePath(edge.points)}" fill="none" stroke="${CHART_COLORS.edge}" marker-end="url(#${ARROW_ID})"/>` +
    `<rect x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" fill="${CHART_COLORS.labelBackground}" opacity="0.85"/>` +
    `${lines.join('')}</g>`
  );
}

/** The arrowhead every edge ends with. */
function arrowMarkerSvg(color: string): string {
  return `<marker id="${ARROW_ID}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${color}"/></marker>`;
}

/**
 * The laid-out chart as a standalone SVG document: the README's picture of the machine. A pure
 * function of the layout, so the same machine gives the same bytes (CI compares them).
 */
export function chartToSvg(layout: ChartLayout): string {
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}" font-family="${CHART_FONT}">`,
    `<defs>${arrowMarkerSvg(CHART_COLORS.edge)}</defs>`,
    `<rect x="${-MARGIN}" y="${-MARGIN}" width="${width}" height="${height}" fill="${CHART_COLORS.background}"/>`,
    ...layout.boxes.map(boxSvg),
    ...layout.edges.map(edgeSvg),
    '</svg>',
    '',
  ].join('\n');
}
