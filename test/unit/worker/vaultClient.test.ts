import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { vaultClient, type VaultPort } from '../../../machines/worker/vaultClient.js';
import type { VaultRequest, VaultResponse } from '../../../machines/worker/vaultProtocol.js';

// The page's end of the vault worker, against a port the test answers by hand, in any order.

function port() {
  const sent: VaultRequest[] = [];
  let deliver!: (data: VaultResponse) => void;
  const target: VaultPort = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (_type, listener) => void (deliver = (data) => listener({ data } as MessageEvent<VaultResponse>)),
  };
  return { target, sent, answer: (data: VaultResponse) => deliver(data) };
}

describe('vaultClient', () => {
  it('gives each request its own id and matches answers to them in any order', async () => {
    const { target, sent, answer } = port();
    const client = vaultClient(target);
    const first = client.request({ kind: 'call', operation: 'GetUser', input: { AccessToken: 'a' } });
    const second = client.request({ kind: 'device', operation: 'forget', input: {} });
    expect(sent).toEqual([
      { kind: 'call', operation: 'GetUser', input: { AccessToken: 'a' }, id: 1 },
      { kind: 'device', operation: 'forget', input: {}, id: 2 },
    ]);
    answer({ id: 2, output: 'second' });
    answer({ id: 1, output: 'first' });
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
  });

  it('rebuilds the worker’s AuthError with its code, operation and Cognito name', async () => {
    const { target, answer } = port();
    const pending = vaultClient(target).request({ kind: 'call', operation: 'InitiateAuth', input: {} });
    answer({ id: 1, error: { code: 'refreshRejected', message: 'gone', operation: 'InitiateAuth', cognitoName: 'NotAuthorizedException' } });
    const error = await pending.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'refreshRejected', message: 'gone', operation: 'InitiateAuth', cognitoName: 'NotAuthorizedException', retryable: false });
  });

  it('ignores an answer nobody waits for (a duplicate, or one to an aborted call)', async () => {
    const { target, answer } = port();
    const client = vaultClient(target);
    const pending = client.request({ kind: 'call', operation: 'GetUser', input: {} });
    expect(() => answer({ id: 42, output: 'stray' })).not.toThrow();
    answer({ id: 1, output: 'mine' });
    expect(() => answer({ id: 1, output: 'again' })).not.toThrow();
    expect(await pending).toBe('mine');
  });

  it('an abort rejects with the signal’s reason and tells the worker to stop that call, once', async () => {
    const { target, sent, answer } = port();
    const client = vaultClient(target);
    const controller = new AbortController();
    const pending = client.request({ kind: 'call', operation: 'GetUser', input: {} }, controller.signal);
    const reason = new DOMException('signed out', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(sent.filter((message) => message.kind === 'abort')).toEqual([{ kind: 'abort', id: 1 }]);
    answer({ id: 1, output: 'late' });
  });

  it('a signal already aborted sends nothing', async () => {
    const { target, sent } = port();
    const reason = new DOMException('gone', 'AbortError');
    await expect(vaultClient(target).request({ kind: 'call', operation: 'GetUser', input: {} }, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(sent).toEqual([]);
  });

  it('an answered call stops listening to its signal: a later abort sends nothing', async () => {
    const { target, sent, answer } = port();
    const controller = new AbortController();
    const pending = vaultClient(target).request({ kind: 'call', operation: 'GetUser', input: {} }, controller.signal);
    answer({ id: 1, output: 'done' });
    expect(await pending).toBe('done');
    controller.abort();
    expect(sent.filter((message) => message.kind === 'abort')).toEqual([]);
  });
});
