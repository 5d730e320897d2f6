import { AuthError, toAuthError } from '../AuthError.js';
import type { CognitoTransport } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';
import { createRefreshTokenVault } from './refreshTokenVault.js';
import type { VaultRequest, VaultResponse } from './vaultProtocol.js';

/** Where the vault listens: a worker's global scope, or a MessagePort in tests. */
export interface VaultScope {
  postMessage(message: VaultResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VaultRequest>) => void): void;
}

/** Answers workerTransport's calls with a refresh-token vault around a transport of its own. */
export function serveVault(
  scope: VaultScope,
  makeTransport: (options: Omit<FetchTransportOptions, 'fetch'>) => CognitoTransport,
  newId: () => string,
): void {
  let vault: CognitoTransport | undefined;
  scope.addEventListener('message', async ({ data: request }) => {
    if (request.kind === 'configure') {
      vault = createRefreshTokenVault(makeTransport(request.options), newId);
      return;
    }
    let response: VaultResponse;
    try {
      if (!vault) throw new AuthError('invalidConfig', 'The token vault was not configured.');
      response = { id: request.id, output: await vault.call(request.operation, request.input as never) };
    } catch (error) {
      response = { id: request.id, error: toAuthError(error).toJSON() };
    }
    scope.postMessage(response);
  });
}
