import type { CognitoOperation, CognitoTransport } from '../../machines/index.js';

export interface CountingTransport extends CognitoTransport {
  readonly calls: { operation: CognitoOperation; at: number }[];
  count(operation?: CognitoOperation): number;
}

/** Passes every call through and records it, so tests can assert how many requests were made. */
export function countingTransport(inner: CognitoTransport): CountingTransport {
  const calls: { operation: CognitoOperation; at: number }[] = [];
  return {
    calls,
    count: (operation) => calls.filter((call) => !operation || call.operation === operation).length,
    call(operation, input, options) {
      calls.push({ operation, at: Date.now() });
      return inner.call(operation, input, options);
    },
  };
}
