import { createServer } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerTier } from '../../../machines/worker/index.js';
// What the vault worker script imports, loaded with this file rather than by the script's import
// in the test below: `npm run test:mutation` counts code that runs while a test runs as that
// test's alone, so Cognito's error tables (mapCognitoError) would be checked against this one
// test instead of the whole suite, and their mutants would wrongly survive.
import '../../../machines/cognito/fetchTransport.js';
import '../../../machines/worker/serveVault.js';
import { serveOnLoopback } from '../../support/serveOnLoopback.js';
import { workerScope } from '../../support/workerScope.js';

// The page starting the vault worker, and the worker script answering it (Node, globals stubbed).

describe('workerTier', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('where there are no Web Workers, says so as invalidConfig', () => {
    vi.stubGlobal('Worker', undefined);
    expect(() => workerTier()).toThrow(expect.objectContaining({ code: 'invalidConfig', message: 'The worker tier needs Web Workers, which this environment lacks.' }));
  });

  it('starts the vault worker as a module worker, from the file bundlers pick up', () => {
    const started: { url: URL; options: WorkerOptions }[] = [];
    let terminated = 0;
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: URL, workerOptions: WorkerOptions) {
          started.push({ url, options: workerOptions });
        }
        addEventListener() {}
        postMessage() {}
        terminate() {
          terminated += 1;
        }
      },
    );
    const tier = workerTier();
    expect(started).toHaveLength(1);
    expect(String(started[0]!.url)).toMatch(/\/machines\/worker\/vaultWorker\.(ts|js)$/);
    expect(started[0]!.options).toEqual({ type: 'module', name: 'authchart-vault' });
    expect(tier.storage.kind).toBe('worker');
    tier.stop?.();
    expect(terminated).toBe(1);
  });
});

describe('the vault worker script', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('serves the page with fetchTransport and a fresh random handle per refresh token', async () => {
    let issued = 0;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        issued += 1;
        response.setHeader('content-type', 'application/x-amz-json-1.1');
        response.end(JSON.stringify({ AuthenticationResult: { IdToken: 'i', AccessToken: 'a', RefreshToken: `refresh-${issued}` } }));
      });
    });
    const cognito = await serveOnLoopback(server);
    try {
      const { target, posted, send } = workerScope();
      vi.stubGlobal('self', target);
      await import('../../../machines/worker/vaultWorker.js');
      await send({ kind: 'configure', options: { region: 'us-east-1', endpoint: cognito.origin } });
      const signIn = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } };
      await send({ kind: 'call', id: 1, operation: 'InitiateAuth', input: signIn });
      await send({ kind: 'call', id: 2, operation: 'InitiateAuth', input: signIn });
      const handles = posted.map((answer) => ('output' in answer ? (answer.output as { AuthenticationResult: { RefreshToken: string } }).AuthenticationResult.RefreshToken : answer.error.message));
      expect(handles).toEqual([expect.stringMatching(/^vault:[0-9a-f-]{36}$/), expect.stringMatching(/^vault:[0-9a-f-]{36}$/)]);
      expect(handles[0]).not.toBe(handles[1]);
    } finally {
      await cognito.stop();
    }
  });
});
