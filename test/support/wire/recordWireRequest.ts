import { expect } from 'vitest';
import { validateRequest } from './validateRequest.js';

/** What this test file's requests came to; one file runs per worker module graph. */
export interface WireLog {
  requests: number;
  operations: Set<string>;
  /** The first request that broke the model, with the test that sent it. */
  violation: string | null;
}

export const wireLog: WireLog = { requests: 0, operations: new Set(), violation: null };

/**
 * Checks one request against Cognito's published model and remembers the first violation. It
 * never throws: a transport would turn a throw into a network error and the machine would
 * retry it quietly. The setup file fails the test after it ends instead.
 */
export function recordWireRequest(via: string, operation: string, body: unknown): void {
  // The wire form: what JSON.stringify sends (undefined members dropped).
  const wire: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  wireLog.requests += 1;
  wireLog.operations.add(operation);
  const problem = validateRequest(operation, wire);
  if (problem && wireLog.violation === null) wireLog.violation = `${problem} (sent through ${via}, in ${currentTest()})`;
}

function currentTest(): string {
  const state = expect.getState();
  return state.currentTestName ?? `a hook of ${state.testPath ?? 'this file'}`;
}

/** The first violation since the last call, for the setup file's hooks. */
export function takeViolation(): string | null {
  const violation = wireLog.violation;
  wireLog.violation = null;
  return violation;
}
