// The statechart as a picture, for any machine: its definition laid out by ELK (the caller
// brings ELK, so nothing here weighs on an app that does not draw the chart), a renderer to a
// standalone SVG, and what a live view needs from an actor (its log of redacted inspection
// events, its running timers). Framework-free; the Svelte view is `authchart/svelte/inspector`.
export { activeStateIds } from './activeStateIds.js';
export { CHART_FONT, TEXT_SIZE, TITLE_SIZE } from './chartMetrics.js';
export { ARROW_ID, BOX_RADIUS, CHART_COLORS, boxFill, edgeLineAt, edgePath, initialMarkAt, invokeLineAt, titleAt } from './chartShapes.js';
export { chartToSvg } from './chartToSvg.js';
export { InspectionRecorder } from './InspectionRecorder.js';
export type { InspectionEntry, InspectionRecorderOptions } from './InspectionRecorder.js';
export { chartFingerprint } from './chartFingerprint.js';
export { layoutChart, layoutFor } from './layoutChart.js';
export type { ChartLayouter } from './layoutChart.js';
export { pendingDelays } from './pendingDelays.js';
export type { PendingDelay } from './pendingDelays.js';
export { transitionKey } from './transitionKey.js';
export type { ChartBox, ChartEdge, ChartEdgeLine, ChartLayout, ChartPoint, ChartRect } from './ChartLayout.js';
