// The `authchart/svelte/inspector` entry: the live statechart view, for development builds.
// It lays the chart out with elkjs (an optional peer dependency: install it as a dev dependency
// where you mount the view). Nothing here is imported by the other entries.
export { default as StatechartInspector } from './StatechartInspector.svelte';
export type { InspectorAction } from './InspectorAction.js';
export { authInspectorActions } from './authInspectorActions.js';
export { InspectionRecorder } from '../../../machines/inspect/chart/index.js';
export type { InspectionEntry } from '../../../machines/inspect/chart/index.js';
