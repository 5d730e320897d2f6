// Serves a built example (static files) and, same origin, the demo API under /api/, on a free
// loopback port: what a host and an API Gateway with a Cognito authorizer would be.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createDemoApi } from '../../dev/demoApi.js';
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
