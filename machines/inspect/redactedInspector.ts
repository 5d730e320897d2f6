import type { InspectionEvent, Observer } from 'xstate';
import { REDACTED_INSPECTOR, type RedactedInspector } from './isRedactedInspector.js';
import { redactInspectionEvent } from './redactInspectionEvent.js';

/**
 * An inspector for `createAuth({ inspect })`: a callback, or an observer such as
 * `@statelyai/inspect`'s `inspector.inspect`. It receives every inspection event with tokens,
 * passwords, codes and challenge sessions redacted, and the actor references in them give
 * redacted snapshots too (inspectors read those later, by themselves).
 */
export function redactedInspector(inspect: Observer<InspectionEvent> | ((event: InspectionEvent) => void)): RedactedInspector {
  const deliver = typeof inspect === 'function' ? inspect : (event: InspectionEvent) => inspect.next?.(event);
  const redacted = (event: InspectionEvent) => deliver(redactInspectionEvent(event));
  return Object.assign(redacted, { [REDACTED_INSPECTOR]: true as const });
}
