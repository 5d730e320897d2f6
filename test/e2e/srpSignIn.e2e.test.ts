import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CognitoTransport } from '../../machines/index.js';
import { TEST_POOL } from '../support/fakeTokens.js';
import type { LoopbackServer } from '../support/serveOnLoopback.js';
import { serveCognito } from '../support/srp/serveCognito.js';
import { srpCognito } from '../support/srp/srpCognito.js';
import { SrpVerifier } from '../support/srp/srpVerifier.js';
import { useBrowser } from './useBrowser.js';

const PAGE = fileURLToPath(new URL('./pages/srpSignInPage.ts', import.meta.url));
const PASSWORD = 'Corr3ct horse, battery staple ✓';

/** The page's script, bundled for the browser (not written to disk). */
async function bundlePage(): Promise<string> {
  const output = (await build({
    configFile: false,
    envDir: false,
    logLevel: 'error',
    build: { write: false, target: 'es2022', minify: false, rolldownOptions: { input: PAGE } },
  })) as Rolldown.RolldownOutput;
  const entry = output.output.find((file): file is Rolldown.OutputChunk => file.type === 'chunk' && file.isEntry);
  return entry!.code;
}

describe('SRP sign-in in chromium', () => {
  const browser = useBrowser();
  let server: LoopbackServer;

  beforeAll(async () => {
    const verifier = new SrpVerifier(TEST_POOL.userPoolId);
    await verifier.register(['demo'], PASSWORD);
    // The tokens' issuer names the server's own origin, known once it listens.
    let cognito: CognitoTransport | undefined;
    const transport: CognitoTransport = { call: (operation, input, options) => cognito!.call(operation, input, options) };
    server = await serveCognito(transport, {
      '/': { type: 'text/html', body: '<!doctype html><script type="module" src="/page.js"></script>' },
      '/page.js': { type: 'text/javascript', body: await bundlePage() },
    });
    cognito = srpCognito(verifier, { issuer: `${server.origin}/${TEST_POOL.userPoolId}` });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('proves the password with BigInt and WebCrypto in the page, and refuses a wrong one', async () => {
    const page = await browser().newPage();
    await page.goto(server.origin);
    await page.waitForFunction(() => typeof window.srpSignIn === 'function');
    const signIn = (password: string) =>
      page.evaluate(([pool, client, pw]) => window.srpSignIn(pool!, client!, 'demo', pw!), [TEST_POOL.userPoolId, TEST_POOL.clientId, password]);
    expect(await signIn(PASSWORD)).toBe('signedIn');
    expect(await signIn('wrong')).toBe('failed: invalidCredentials');
    await page.close();
  });
});
