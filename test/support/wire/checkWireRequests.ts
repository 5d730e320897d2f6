// Vitest setup file (node project): every request a test sends to Cognito is checked against the
// published API model (see validateRequest), and the test that sent a bad one fails.
// Requests are recorded where they pass: the global fetch (fetchTransport against cognito-local,
// the fault proxy, the demo), the SDK client's send (sdkTransport), and the fakes in test/support.
import { appendFileSync } from 'node:fs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, expect } from 'vitest';
import { recordWireRequest, takeViolation, wireLog } from './recordWireRequest.js';

const TARGET = 'AWSCognitoIdentityProviderService.';

const originalFetch = globalThis.fetch;
globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const target = new Headers(init?.headers).get('x-amz-target');
  if (target?.startsWith(TARGET) && typeof init?.body === 'string') {
    recordWireRequest('fetch', target.slice(TARGET.length), parseBody(init.body));
  }
  return originalFetch(input, init);
};

const originalSend = CognitoIdentityProviderClient.prototype.send;
CognitoIdentityProviderClient.prototype.send = function send(this: CognitoIdentityProviderClient, ...args: unknown[]) {
  const command = args[0] as { constructor: { name: string }; input: unknown };
  recordWireRequest('AWS SDK client', command.constructor.name.replace(/Command$/, ''), command.input);
  return (originalSend as (...a: unknown[]) => unknown).apply(this, args);
} as typeof originalSend;

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

afterEach(() => {
  const violation = takeViolation();
  if (violation) throw new Error(`A request broke Cognito's API model: ${violation}`);
});

afterAll(() => {
  const violation = takeViolation();
  if (violation) throw new Error(`A request broke Cognito's API model: ${violation}`);
  // Opt-in totals for a run (AUTHCHART_WIRE_STATS=<file>): one line per test file.
  const statsFile = process.env['AUTHCHART_WIRE_STATS'];
  if (statsFile && wireLog.requests > 0) {
    const file = expect.getState().testPath ?? 'unknown';
    appendFileSync(statsFile, `${JSON.stringify({ file, requests: wireLog.requests, operations: [...wireLog.operations] })}\n`);
  }
});
