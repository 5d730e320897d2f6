import { AuthError, toAuthError } from '../AuthError.js';
import type { Clock } from '../AuthPorts.js';
import type { CognitoTransport } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';
import { createRefreshTokenVault } from './refreshTokenVault.js';
import { vaultDevices } from './vaultDevices.js';
import type { VaultRequest, VaultResponse } from './vaultProtocol.js';

/** Where the vault listens: a worker's global scope, or a MessagePort in tests. */
export interface VaultScope {
  postMessage(message: VaultResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VaultRequest>) => void): void;
}

/** Answers the page's calls (Cognito requests, device operations) with a refresh-token vault around a transport of its own. */
export function serveVault(
  scope: VaultScope,
  makeTransport: (options: Omit<FetchTransportOptions, 'fetch'>) => CognitoTransport,
  newId: () => string,
  clock: Clock = { now: () => Date.now() },
): void {
  let vault: CognitoTransport | undefined;
  let devices: ReturnType<typeof vaultDevices> | undefined;
  const inFlight = new Map<number, AbortController>();
  scope.addEventListener('message', async ({ data: request }) => {
    if (request.kind === 'configure') {
      vault = createRefreshTokenVault(makeTransport(request.options), newId);
      devices = vaultDevices(vault, clock);
      return;
    }
    if (request.kind === 'abort') {
      inFlight.get(request.id)?.abort();
      return;
    }
    const controller = new AbortController();
    inFlight.set(request.id, controller);
    let response: VaultResponse;
    try {
      if (!vault || !devices) throw new AuthError('invalidConfig', 'The token vault was not configured.');
      const output =
        request.kind === 'device'
          ? await devices(request.operation, request.input, controller.signal)
          : await vault.call(request.operation, request.input as never, { signal: controller.signal });
      response = { id: request.id, output };
    } catch (error) {
      response = { id: request.id, error: toAuthError(error).toJSON() };
    } finally {
      inFlight.delete(request.id);
    }
    // The page stopped waiting for an aborted call: nothing to answer.
    if (!controller.signal.aborted) scope.postMessage(response);
  });
}
