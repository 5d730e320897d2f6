import type { StorageTier } from '../storage/StorageTier.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { vaultClient, type VaultPort } from './vaultClient.js';
import { workerDevices } from './workerDevices.js';
import { workerTransport } from './workerTransport.js';

/**
 * The worker tier over any vault port (a Worker; a MessageChannel in tests): ID and access tokens
 * in the page's memory, refresh tokens and device secrets in the vault, which makes the calls
 * that use them.
 */
export function vaultTier(port: VaultPort, stop: () => void): StorageTier {
  const client = vaultClient(port);
  return {
    storage: memoryStorage('worker'),
    transport: (options) => workerTransport(client, options),
    devices: (appDevices) => workerDevices(client, appDevices.deviceName),
    stop,
  };
}
