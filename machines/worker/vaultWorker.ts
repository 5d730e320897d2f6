/// <reference lib="webworker" />
// The Web Worker of the `worker` storage tier: it holds the refresh tokens and talks to Cognito
// itself, so the page never sees a refresh token. Bundlers pick it up from createAuth's
// `new Worker(new URL('./worker/vaultWorker.ts', import.meta.url))`.
import { fetchTransport } from '../cognito/fetchTransport.js';
import { serveVault } from './serveVault.js';

serveVault(self, (options) => fetchTransport(options), () => crypto.randomUUID());
