import { AuthError } from '../AuthError.js';
import type { StorageTier } from '../storage/StorageTier.js';
import { vaultTier } from './vaultTier.js';

/**
 * The worker tier: ID and access tokens in memory, the refresh token inside a Web Worker that
 * makes the Cognito calls, so the page never sees it; lost on reload, like `memory`.
 * `createAuth({ storage: workerTier(), … })`. Bundlers pick the worker up from the `new URL`.
 */
export function workerTier(): StorageTier {
  if (typeof Worker === 'undefined') throw new AuthError('invalidConfig', 'The worker tier needs Web Workers, which this environment lacks.');
  const worker = new Worker(new URL('./vaultWorker.js', import.meta.url), { type: 'module', name: 'authchart-vault' });
  return vaultTier(worker, () => worker.terminate());
}
