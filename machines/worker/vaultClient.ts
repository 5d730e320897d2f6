import { AuthError } from '../AuthError.js';
import type { CognitoOperation } from '../cognito/CognitoTransport.js';
import type { DeviceOperation, VaultRequest, VaultResponse } from './vaultProtocol.js';

/** The part of a Worker this needs, so tests can pass a MessageChannel port or a fake. */
export interface VaultPort {
  postMessage(message: VaultRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VaultResponse>) => void): void;
}

/** A request to the vault that is answered, without the id the client gives it. */
export type VaultCall =
  | { kind: 'call'; operation: CognitoOperation; input: unknown }
  | { kind: 'device'; operation: DeviceOperation; input: unknown };

export interface VaultClient {
  post(message: VaultRequest): void;
  /** Sends `call` and resolves with the worker's answer (an AuthError rebuilt on this side). */
  request(call: VaultCall, signal?: AbortSignal): Promise<unknown>;
}

/**
 * The page's end of the vault worker: one id space and one listener for every request (Cognito
 * calls and device operations), so that answers never cross.
 */
export function vaultClient(port: VaultPort): VaultClient {
  const pending = new Map<number, { resolve(output: unknown): void; reject(error: AuthError): void }>();
  let nextId = 1;
  port.addEventListener('message', ({ data }) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if ('error' in data) {
      const { code, message, operation, cognitoName } = data.error;
      request.reject(new AuthError(code, message, { ...(operation ? { operation } : {}), ...(cognitoName ? { cognitoName } : {}) }));
    } else {
      request.resolve(data.output);
    }
  });

  return {
    post: (message) => port.postMessage(message),
    request(call, signal) {
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
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        port.postMessage({ ...call, id } as VaultRequest);
      });
    },
  };
}
