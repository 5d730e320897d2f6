// The `authchart/inspect` entry on its own: what an app that inspects the statechart adds.
import { redactedInspector } from '../../../machines/inspect/index.js';

export const inspect = redactedInspector((event) => console.debug(event.type, event));
