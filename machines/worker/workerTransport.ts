import { AuthError } from '../AuthError.js';
import type { CognitoTransport } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';
import type { VaultRequest, VaultResponse } from './vaultProtocol.js';

/** The part of a Worker this needs, so tests can pass a MessageChannel port or a fake. */
export interface VaultPort {
  postMessage(message: VaultRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VaultResponse>) => void): void;
}

/**
 * A transport that sends every Cognito call through the token vault worker. Refresh tokens in
 * its answers are handles (`vault:<id>`); the worker swaps them back when they are used.
 */
export function workerTransport(port: VaultPort, options: Omit<FetchTransportOptions, 'fetch'>): CognitoTransport {
  const pending = new Map<number, { resolve(output: unknown): void; reject(error: AuthError): void }>();
  let nextId = 1;
  port.addEventListener('message', ({ data }) => {
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if ('error' in data) {
      const { code, message, operation, cognitoName } = data.error;
      call.reject(new AuthError(code, message, { ...(operation ? { operation } : {}), ...(cognitoName ? { cognitoName } : {}) }));
    } else {
      call.resolve(data.output);
    }
  });
  port.postMessage({ kind: 'configure', options });

  return {
    call(operation, input, callOptions = {}) {
      const { signal } = callOptions;
      if (signal?.aborted) return Promise.reject(signal.reason);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // As with fetch: an abort rejects with the signal's reason, and the request is stopped
        // where it runs, so a refresh cut short by a sign-out cannot file a new token later.
        const abort = () => {
          pending.delete(id);
          port.postMessage({ kind: 'abort', id });
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
        const settle = <T>(finish: (value: T) => void) => (value: T) => {
          signal?.removeEventListener('abort', abort);
          finish(value);
        };
        pending.set(id, { resolve: settle(resolve as (output: unknown) => void), reject: settle(reject) });
        port.postMessage({ kind: 'call', id, operation, input });
      });
    },
  };
}
