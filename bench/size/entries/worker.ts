// The `authchart/worker` entry on its own (the vault worker is its own chunk, counted as lazy).
import { workerTier } from '../../../machines/worker/index.js';

document.querySelector('form')?.addEventListener('submit', () => {
  const tier = workerTier();
  document.body.append(tier.storage.kind);
});
