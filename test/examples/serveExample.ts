// Serves a built example (static files) and, same origin, the demo API under /api/, on a free
// loopback port: what a host and an API Gateway with a Cognito authorizer would be. For an app
// with a server of its own (the SvelteKit example's adapter-node build): `startNodeServer` runs
// it on a free loopback port, and `serveApi` serves the demo API alone on an origin of its own,
// with CORS for the app's origin, as an API Gateway in front of such an app.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createDemoApi } from '../../dev/demoApi.js';
import { freePort } from '../../dev/freePort.js';
import type { DemoApiOptions } from '../../dev/demoApi.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface ServedExample {
  url: string;
  close(): Promise<void>;
}

export interface NodeServer extends ServedExample {
  /** What the server wrote to stderr so far (errors while rendering end up there). */
  stderr(): string;
}

export async function serveExample(root: string, api: DemoApiOptions): Promise<ServedExample> {
  const demoApi = createDemoApi(api);
  const server = createServer((req, res) => {
    demoApi(req, res, () => {
      void sendFile(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname).then(
        ({ status, type, body }) => {
          res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
          res.end(body);
        },
      );
    });
  });
  await listen(server);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the example server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The demo API alone, on its own free loopback port, answering CORS requests from one app origin
 * only (API Gateway's CORS settings): the preflight that `Authorization` needs, then the call.
 * `allowOrigin` is asked on every request: the app's port may be chosen after the API's.
 */
export async function serveApi(api: DemoApiOptions, allowOrigin: () => string | undefined): Promise<ServedExample> {
  const demoApi = createDemoApi(api);
  const server = createServer((req, res) => {
    res.setHeader('Vary', 'Origin');
    const origin = allowOrigin();
    const allowed = origin !== undefined && req.headers.origin === origin;
    if (allowed) res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS') {
      if (allowed) {
        res.setHeader('Access-Control-Allow-Methods', 'GET');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization');
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.writeHead(allowed ? 204 : 403).end();
      return;
    }
    demoApi(req, res);
  });
  await listen(server);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the API server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

/**
 * Starts an adapter-node build (`node <entry>`) on 127.0.0.1 and a free port (HOST and PORT, as
 * adapter-node reads them) and waits until it says it is listening. `onPort` learns the origin
 * before the server starts (for the API's CORS setting). A port that someone else takes between
 * freePort() and the server's bind is retried with another.
 */
export async function startNodeServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  onPort: (origin: string) => void = () => {},
): Promise<NodeServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    onPort(`http://127.0.0.1:${port}`);
    try {
      return await startNodeServerOnce(entry, env, port);
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startNodeServerOnce(entry: string, env: NodeJS.ProcessEnv, port: number): Promise<NodeServer> {
  // SHUTDOWN_TIMEOUT: how many seconds adapter-node waits for open connections after SIGTERM.
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), SHUTDOWN_TIMEOUT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}/`;
  const server: NodeServer = { url, stderr: () => stderr, close: () => stopChild(child) };
  try {
    // adapter-node prints this once bound (a fetch could be answered by whoever holds the port).
    await waitFor(() => stdout.includes(`Listening on ${url.slice(0, -1)}`), child, () => `${stdout}${stderr}`);
    return server;
  } catch (error) {
    await server.close();
    throw error;
  }
}

async function waitFor(done: () => boolean, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!done()) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before listening:\n${output()}`);
    }
    if (Date.now() > deadline) throw new Error(`the server was not listening within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGTERM, then SIGKILL if it does not exit in time; by the child's own pid. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

async function sendFile(root: string, path: string): Promise<{ status: number; type: string; body: string | Buffer }> {
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return { status: 403, type: 'text/plain', body: 'forbidden' };
  try {
    return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) };
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}

/** Port 0: the OS picks a free port at bind time, so no other process can take it first. */
function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
