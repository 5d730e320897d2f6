import { describe, expect, it, vi } from 'vitest';
import type { CognitoTransport } from '../../../machines/index.js';
import { resolveConfig } from '../../../machines/index.js';
import { serveVault } from '../../../machines/worker/serveVault.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { workerScope } from '../../support/workerScope.js';

// The worker's side of the vault, driven message by message as the page's vaultClient drives it.
// Cognito is a recording fake here; the chart-level behaviour is in refreshTokenVault.test.ts.

/** A transport that records requests and answers each operation with `answers[operation]`. */
function recording(answers: Record<string, unknown> = {}) {
  const calls: { operation: string; input: unknown; signal: AbortSignal | undefined }[] = [];
  const transport: CognitoTransport = {
    call: async (operation, input, options) => {
      calls.push({ operation, input, signal: options?.signal });
      return (answers[operation] ?? {}) as never;
    },
  };
  return { transport, calls };
}

const options = { region: 'us-east-1' };

describe('serveVault', () => {
  it('a call before the vault is configured is answered with invalidConfig', async () => {
    const { target, posted, send } = workerScope();
    serveVault(target, () => recording().transport, () => 'id');
    await send({ kind: 'call', id: 1, operation: 'GetUser', input: { AccessToken: 'a' } });
    expect(posted).toEqual([{ id: 1, error: expect.objectContaining({ code: 'invalidConfig', message: 'The token vault was not configured.' }) }]);
  });

  it('answers a call with its output, under the id it came with', async () => {
    const { target, posted, send } = workerScope();
    const cognito = recording({ GetUser: { Username: 'demo' } });
    serveVault(target, () => cognito.transport, () => 'id');
    await send({ kind: 'configure', options });
    await send({ kind: 'call', id: 7, operation: 'GetUser', input: { AccessToken: 'a' } });
    expect(posted).toEqual([{ id: 7, output: { Username: 'demo' } }]);
  });

  it('an aborted call stops where it runs and is not answered; an abort for a call already answered is harmless', async () => {
    const { target, posted, send } = workerScope();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: AbortSignal[] = [];
    const transport: CognitoTransport = {
      call: async (_operation, _input, callOptions) => {
        seen.push(callOptions!.signal!);
        await held;
        return {} as never;
      },
    };
    serveVault(target, () => transport, () => 'id');
    await send({ kind: 'configure', options });
    const call = send({ kind: 'call', id: 1, operation: 'GetUser', input: { AccessToken: 'a' } });
    await send({ kind: 'abort', id: 1 });
    expect(seen[0]!.aborted).toBe(true);
    release();
    await call;
    expect(posted).toEqual([]);

    await send({ kind: 'call', id: 2, operation: 'GetUser', input: { AccessToken: 'a' } });
    await expect(Promise.resolve(send({ kind: 'abort', id: 2 }))).resolves.toBeUndefined();
    await expect(Promise.resolve(send({ kind: 'abort', id: 99 }))).resolves.toBeUndefined();
    expect(posted).toEqual([{ id: 2, output: {} }]);
  });

  it('an aborted device operation stops where it runs and is not answered', async () => {
    const { target, posted, send } = workerScope();
    let seen: AbortSignal | undefined;
    const transport: CognitoTransport = {
      call: (_operation, _input, callOptions) => {
        seen = callOptions!.signal!;
        return new Promise((_resolve, reject) => seen!.addEventListener('abort', () => reject(seen!.reason)));
      },
    };
    serveVault(target, () => transport, () => 'id');
    await send({ kind: 'configure', options });
    const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
    const session = createSession(makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) }), config, Date.now());
    const confirming = send({ kind: 'device', id: 3, operation: 'confirm', input: { config, session, newDevice: { deviceKey: 'us-east-1_d1', deviceGroupKey: '-g' } } });
    await vi.waitFor(() => expect(seen).toBeDefined());
    await send({ kind: 'abort', id: 3 });
    await confirming;
    expect(seen!.aborted).toBe(true);
    expect(posted).toEqual([]);
  });
});
