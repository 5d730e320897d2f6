import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./runHeapBench.js', import.meta.url));
const TIMEOUT_MS = 3 * 60_000;

/**
 * Runs the heap bench in a process of its own (`node --expose-gc`), away from the builds and
 * servers of the main run.
 * @returns {Promise<import('./measureHeapGrowth.ts').HeapGrowthResult>}
 */
export function spawnHeapBench() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ENTRY], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: TIMEOUT_MS,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => (stdout += text));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`heap bench failed (${code ?? signal}): ${stdout.slice(-500)}`));
    });
  });
}
