import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('./', import.meta.url));
const PACKAGES = ['aws-amplify', 'amazon-cognito-identity-js'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Installs the comparison packages from bench/package-lock.json (`npm ci --prefix bench`) when
 * they are missing, so the project's own install stays lean.
 * @param {(line: string) => void} log
 * @returns {Promise<boolean>} whether it installed
 */
export async function ensureBenchDeps(log) {
  const missing = PACKAGES.filter((name) => !existsSync(`${BENCH_DIR}node_modules/${name}/package.json`));
  if (missing.length === 0) return false;
  log(`bench: installing the comparison packages (npm ci --prefix bench; missing: ${missing.join(', ')})`);
  await new Promise((resolve, reject) => {
    const child = spawn('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], {
      // Its output goes to stderr: stdout carries the results.
      stdio: ['ignore', process.stderr, process.stderr],
      timeout: INSTALL_TIMEOUT_MS,
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve(undefined) : reject(new Error(`npm ci --prefix bench failed (${code ?? signal})`)),
    );
  });
  return true;
}
