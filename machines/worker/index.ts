// The `authchart/worker` entry: the worker storage tier, paid for only by apps that use it.
export { workerTier } from './workerTier.js';
export type { StorageTier } from '../storage/StorageTier.js';
