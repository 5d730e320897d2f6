import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE_CONFIG = join(REPO_ROOT, 'vite.config.ts');

/**
 * @typedef {object} BuiltChunk
 * @property {string} fileName
 * @property {string} code
 * @property {boolean} initial  loaded at start: an entry or a static import of one, not a lazy chunk
 */

/**
 * One production build with the repo's own vite.config.ts, in app mode (not lib mode, which keeps
 * whitespace in ES output), minified, into a temporary outDir that is removed afterwards.
 * `input` replaces index.html as the entry when given (a module that uses a library the way an app
 * would); without it the demo app itself is built.
 * @param {{ input?: string, env?: Record<string, string> }} [options]
 *   `env`: VITE_* variables set for this build only (the app reads its pool from them)
 * @returns {Promise<BuiltChunk[]>}  the JS chunks, initial ones first
 */
export async function buildBundle(options = {}) {
  const outDir = await mkdtemp(join(tmpdir(), 'authchart-bench-size-'));
  const saved = setEnv(options.env ?? {});
  try {
    const result = await build({
      configFile: VITE_CONFIG,
      root: REPO_ROOT,
      logLevel: 'error',
      // No .env files: the bundle must not depend on whoever runs the bench.
      envDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        copyPublicDir: false,
        ...(options.input ? { rolldownOptions: { input: options.input } } : {}),
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    /** @type {import('rolldown').OutputChunk[]} */
    const chunks = [];
    for (const output of outputs) {
      if (!('output' in output)) throw new Error('vite build returned a watcher, not a bundle');
      for (const file of output.output) if (file.type === 'chunk') chunks.push(file);
    }
    return withInitialFlag(chunks);
  } finally {
    setEnv(saved);
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Marks the chunks index.html loads at start: the entries and, transitively, their static imports
 * (what Vite turns into `<script type="module">` and `<link rel="modulepreload">`).
 * @param {import('rolldown').OutputChunk[]} chunks
 * @returns {BuiltChunk[]}
 */
function withInitialFlag(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const pending = chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const name = /** @type {string} */ (pending.pop());
    if (initial.has(name)) continue;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) pending.push(imported);
  }
  return chunks
    .map((chunk) => ({ fileName: chunk.fileName, code: chunk.code, initial: initial.has(chunk.fileName) }))
    .sort((a, b) => Number(b.initial) - Number(a.initial) || a.fileName.localeCompare(b.fileName));
}

/**
 * Sets (or, with `undefined`, deletes) environment variables; returns the previous values.
 * @param {Record<string, string | undefined>} values
 * @returns {Record<string, string | undefined>}
 */
function setEnv(values) {
  /** @type {Record<string, string | undefined>} */
  const previous = {};
  for (const [name, value] of Object.entries(values)) {
    previous[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return previous;
}
