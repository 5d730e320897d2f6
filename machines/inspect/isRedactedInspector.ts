import type { InspectionEvent } from 'xstate';

/**
 * Marks an inspector made by `redactedInspector` (the `authchart/inspect` entry). createAuth
 * accepts no other, so tokens cannot reach an inspector by mistake, and the redaction code is
 * paid for only by apps that inspect. `Symbol.for`: one mark, however the entries are bundled.
 */
export const REDACTED_INSPECTOR: unique symbol = Symbol.for('authchart.redactedInspector') as never;

export type RedactedInspector = ((event: InspectionEvent) => void) & { readonly [REDACTED_INSPECTOR]: true };

export function isRedactedInspector(value: unknown): value is RedactedInspector {
  return typeof value === 'function' && (value as Partial<RedactedInspector>)[REDACTED_INSPECTOR] === true;
}
