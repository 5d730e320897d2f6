import type { CognitoOperations, CognitoTransport } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';
import type { VaultClient } from './vaultClient.js';

/**
 * A transport that sends every Cognito call through the token vault worker. Refresh tokens in
 * its answers are handles (`vault:<id>`); the worker swaps them back when they are used.
 */
export function workerTransport(client: VaultClient, options: Omit<FetchTransportOptions, 'fetch'>): CognitoTransport {
  client.post({ kind: 'configure', options });
  return {
    call: (operation, input, callOptions = {}) =>
      client.request({ kind: 'call', operation, input }, callOptions.signal) as Promise<CognitoOperations[typeof operation]['output']>,
  };
}
