import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.js';
import { LOCAL_POOL } from './localPool.js';

const SEED_DIR = fileURLToPath(new URL('./seed/', import.meta.url));
const BIN = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
// A free port can be taken by someone else between freePort() and the child's bind.
const PORT_ATTEMPTS = 3;

/**
 * @typedef {object} CognitoLocal
 * @property {string} endpoint  http://127.0.0.1:PORT, also the tokens' issuer domain
 * @property {number} port
 * @property {() => Promise<void>} stop  kills the emulator and deletes its scratch folder; idempotent
 */

/**
 * Starts cognito-local on loopback, on a copy of dev/seed/ in a fresh scratch folder
 * (it rewrites its data files, so it never runs on committed ones).
 * @param {{ port?: number }} [options]  a fixed port (default: a free one)
 * @returns {Promise<CognitoLocal>}
 */
export async function startCognitoLocal(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options.port ?? (await freePort()));
    } catch (error) {
      const retry = options.port === undefined && attempt < PORT_ATTEMPTS;
      if (!retry || /** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    }
  }
}

/**
 * @param {number} port
 * @returns {Promise<CognitoLocal>}
 */
async function startOnce(port) {
  const endpoint = `http://${HOST}:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'authchart-cognito-'));
  const logFile = join(dir, 'cognito-local.log');
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  // Last resort if our process exits without stop(): no orphan emulator, no stray folder.
  const onParentExit = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onParentExit);
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        if (child) await stopChild(child);
      } finally {
        process.off('exit', onParentExit);
        await rm(dir, { recursive: true, force: true });
      }
    })());

  try {
    await seed(join(dir, '.cognito'), endpoint);
    const log = await open(logFile, 'w');
    try {
      child = spawn(process.execPath, [BIN], {
        cwd: dir,
        env: childEnv(port),
        stdio: ['ignore', log.fd, log.fd],
      });
    } finally {
      await log.close(); // the child holds its own copy of the descriptor
    }
    await waitUntilReady(endpoint, child, logFile);
    return { endpoint, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Copies the seed and fills in the issuer domain, which must be the endpoint clients use.
 * @param {string} cognitoDir
 * @param {string} endpoint
 */
async function seed(cognitoDir, endpoint) {
  await cp(SEED_DIR, cognitoDir, { recursive: true });
  const configFile = join(cognitoDir, 'config.json');
  const config = JSON.parse(await readFile(configFile, 'utf8'));
  config.TokenConfig = { ...config.TokenConfig, IssuerDomain: endpoint };
  await writeFile(configFile, JSON.stringify(config, null, 2));
}

/**
 * HOST is read by cognito-local but undocumented; its default (localhost) may bind IPv6 only.
 * DEBUG is dropped: at debug level it logs request bodies, i.e. passwords and tokens.
 * @param {number} port
 * @returns {NodeJS.ProcessEnv}
 */
function childEnv(port) {
  const { DEBUG: _debug, ...env } = process.env;
  return {
    ...env,
    HOST,
    PORT: String(port),
    // Fixed so tests and people can confirm sign-ups and resets without reading logs.
    CODE: LOCAL_POOL.confirmationCode,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  };
}

/**
 * Polls /health until it answers {"ok":true}; fails fast if the child dies.
 * @param {string} endpoint
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} logFile
 */
async function waitUntilReady(endpoint, child, logFile) {
  /** @type {Error | undefined} */
  let spawnError;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`cannot start cognito-local: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = await logTail(logFile);
      const error = new Error(
        `cognito-local exited (${child.exitCode ?? child.signalCode}) before it was ready on ${endpoint}:\n${tail}`,
      );
      if (tail.includes('EADDRINUSE')) Object.assign(error, { code: 'EADDRINUSE' });
      throw error;
    }
    if (await isHealthy(endpoint)) return;
    await delay(100);
  }
  throw new Error(
    `cognito-local was not ready on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s:\n${await logTail(logFile)}`,
  );
}

/** @param {string} endpoint */
async function isHealthy(endpoint) {
  try {
    const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1_000) });
    const body = await response.json();
    return response.ok && body?.ok === true;
  } catch {
    return false; // not listening yet
  }
}

/**
 * The last lines of the emulator's log, without pino-pretty's colours, for error messages.
 * @param {string} logFile
 */
async function logTail(logFile) {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').trimEnd().split('\n');
  return lines.slice(-15).join('\n') || '(no output)';
}

/**
 * SIGTERM, then SIGKILL if it does not exit in time.
 * @param {import('node:child_process').ChildProcess} child
 */
async function stopChild(child) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
