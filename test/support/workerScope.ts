import type { VaultScope } from '../../machines/worker/serveVault.js';
import type { VaultRequest, VaultResponse } from '../../machines/worker/vaultProtocol.js';

/** A worker scope whose messages a test sends one by one, awaiting each handler. */
export function workerScope() {
  let listener!: (event: MessageEvent<VaultRequest>) => Promise<void> | void;
  const posted: VaultResponse[] = [];
  const target: VaultScope = {
    postMessage: (message) => void posted.push(message),
    addEventListener: (_type, handler) => void (listener = handler as typeof listener),
  };
  return { target, posted, send: (data: VaultRequest) => listener({ data } as MessageEvent<VaultRequest>) };
}

