import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Loads a TypeScript module of the bench (and what it imports from machines/ and test/support/)
 * through Vite's module runner, as Vitest does; packages load natively from node_modules.
 * Everything it imports must be imported statically: the runner is closed once it has loaded.
 * @template T
 * @param {string} path  relative to bench/
 * @returns {Promise<T>}
 */
export async function importTs(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(path, import.meta.url)), {
    root: REPO_ROOT,
    logLevel: 'error',
  });
  return /** @type {T} */ (module);
}
