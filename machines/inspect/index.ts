// The `authchart/inspect` entry: watching the statechart without leaking its secrets. Apps that
// do not inspect do not pay for it. Everything is exported by name.
export { redactedInspector } from './redactedInspector.js';
export { redactInspectionEvent } from './redactInspectionEvent.js';
export { redactValue } from './redactValue.js';
export type { RedactedInspector } from './isRedactedInspector.js';
