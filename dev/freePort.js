import { createServer } from 'node:net';

/**
 * Asks the OS for a free loopback port by listening on port 0 and closing again.
 * Another process may take the port before the caller binds it; callers that
 * cannot tolerate that retry with a new port.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
