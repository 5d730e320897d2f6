// The demo API must behave as API Gateway's Cognito authorizer: only valid, unexpired ID
// tokens of the configured app client, signed by the pool, get through. cognito-local itself
// never rejects a bad token, so this is where the app's 401 handling meets a real refusal.
import { createHmac, createPublicKey, createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createViteServer, preview } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { createDemoApi } from '../../dev/demoApi.js';
import { demoApiPlugin } from '../../dev/demoApiPlugin.js';
import { rawSignIn } from '../support/rawInitiateAuth.js';

const cognito = inject('cognito');
const poolOptions = { userPoolId: cognito.userPoolId, region: cognito.region, endpoint: cognito.endpoint };
// cognito-local signs with a key shipped in its package: handy to mint validly signed
// tokens that break one rule at a time (and the reason never to trust it outside dev).
const emulatorKey: string = createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json').pem;
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

type Claims = Record<string, unknown>;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (jwt: string): Claims => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());

function mint(payload: Claims, key: string, header: Claims = { alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' }) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key, 'base64url')}`;
}

const signIn = (clientId: string) => rawSignIn(cognito, clientId);

const servers: { close(): void }[] = [];
async function listen(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}
afterAll(() => servers.forEach((server) => server.close()));

const call = (base: string, path: string, authorization?: string, method = 'GET') =>
  fetch(`${base}${path}`, { method, headers: authorization === undefined ? {} : { authorization } });

let api: string;
let tokens: { IdToken: string; AccessToken: string };
beforeAll(async () => {
  api = await listen(createDemoApi({ ...poolOptions, clientId: cognito.clientId }));
  tokens = await signIn(cognito.clientId);
});

async function expectUnauthorized(response: Response, message: string, token?: string) {
  const text = await response.text();
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(JSON.parse(text)).toEqual({ error: 'unauthorized', message });
  for (const part of token?.split('.') ?? []) if (part.length > 8) expect(text).not.toContain(part);
}

describe('accepts', () => {
  test('a valid ID token, raw as API Gateway takes it', async () => {
    const response = await call(api, '/api/profile', tokens.IdToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { claims } = await response.json();
    expect(claims).toMatchObject({
      sub: expect.any(String),
      'cognito:username': cognito.demoUser.username,
      email: 'demo@example.com',
      aud: cognito.clientId,
      token_use: 'id',
    });
  });

  test('the Bearer form, in any case', async () => {
    for (const scheme of ['Bearer', 'bearer']) {
      expect((await call(api, '/api/profile', `${scheme} ${tokens.IdToken}`)).status).toBe(200);
    }
  });

  test('/api/notes', async () => {
    const response = await call(api, '/api/notes', tokens.IdToken);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.owner).toBe(cognito.demoUser.username);
    expect(body.notes.length).toBeGreaterThan(0);
  });
});

describe('answers 401 JSON without echoing the token for', () => {
  test('no token', async () => {
    await expectUnauthorized(await call(api, '/api/profile'), 'missing Authorization header');
  });

  test('malformed tokens', async () => {
    await expectUnauthorized(await call(api, '/api/profile', 'not-a-jwt'), 'malformed token');
    await expectUnauthorized(await call(api, '/api/profile', 'e30.e30.e30'), 'token has no key id');
    await expectUnauthorized(await call(api, '/api/profile', 'Bearer'), 'malformed token');
    await expectUnauthorized(await call(api, '/api/profile', 'Bearer a b'), 'malformed Authorization header');
  });

  test('a tampered token: another sub, the original signature', async () => {
    const [header, , signature] = tokens.IdToken.split('.');
    const forged = `${header}.${b64({ ...claimsOf(tokens.IdToken), sub: '00000000-0000-4000-8000-000000000000' })}.${signature}`;
    await expectUnauthorized(await call(api, '/api/profile', forged), 'invalid signature', forged);
  });

  test('a token signed by another key, under the pool key id or an unknown one', async () => {
    const claims = claimsOf(tokens.IdToken);
    const sameKid = mint(claims, strangerKey);
    await expectUnauthorized(await call(api, '/api/profile', sameKid), 'invalid signature', sameKid);
    const otherKid = mint(claims, strangerKey, { alg: 'RS256', typ: 'JWT', kid: 'stranger' });
    await expectUnauthorized(await call(api, '/api/profile', otherKid), 'token signed by an unknown key', otherKid);
  });

  test('an unsigned token (alg none) and an HMAC token keyed with the public key', async () => {
    const claims = b64(claimsOf(tokens.IdToken));
    const unsigned = `${b64({ alg: 'none', kid: 'CognitoLocal' })}.${claims}.`;
    await expectUnauthorized(await call(api, '/api/profile', unsigned), 'malformed token', unsigned);
    // The classic algorithm confusion: HS256 "signed" with the pool's public key as secret.
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'CognitoLocal' })}.${claims}`;
    const publicPem = createPublicKey(emulatorKey).export({ type: 'spki', format: 'pem' });
    const confused = `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
    await expectUnauthorized(await call(api, '/api/profile', confused), 'unsupported signature algorithm', confused);
  });

  test('a validly signed token from another issuer', async () => {
    const foreign = mint({ ...claimsOf(tokens.IdToken), iss: `https://cognito-idp.us-east-1.amazonaws.com/${cognito.userPoolId}` }, emulatorKey);
    await expectUnauthorized(await call(api, '/api/profile', foreign), 'token from another issuer', foreign);
  });

  test('an access token', async () => {
    await expectUnauthorized(await call(api, '/api/profile', tokens.AccessToken), 'an ID token is required', tokens.AccessToken);
  });

  test('an ID token of another client', async () => {
    const { IdToken } = await signIn(cognito.otherClientId);
    await expectUnauthorized(await call(api, '/api/profile', IdToken), 'token issued to another client', IdToken);
  });

  describe('an expired token', () => {
    afterEach(() => void vi.useRealTimers());

    test('from the 30 s client, once the clock has passed its exp', async () => {
      // aws-jwt-verify compares exp with Date.now() and has no clock option; the API runs in
      // this process, so moving Date 31 s ahead makes a genuine, emulator-signed token expire.
      const shortApi = await listen(createDemoApi({ ...poolOptions, clientId: cognito.shortClientId }));
      const short = await signIn(cognito.shortClientId);
      expect((await call(shortApi, '/api/profile', short.IdToken)).status).toBe(200);
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000 });
      await expectUnauthorized(await call(shortApi, '/api/profile', short.IdToken), 'token expired', short.IdToken);
      // Same clock, 300 s token: still fine, so the refusal above is the expiry and nothing else.
      expect((await call(api, '/api/profile', tokens.IdToken)).status).toBe(200);
    });
  });
});

describe('other requests', () => {
  test('other methods: 405 JSON', async () => {
    for (const method of ['POST', 'OPTIONS', 'DELETE']) {
      const response = await call(api, '/api/profile', tokens.IdToken, method);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect((await response.json()).error).toBe('method_not_allowed');
    }
  });

  test('other paths: next() in a middleware chain, else 404 JSON', async () => {
    const demoApi = createDemoApi({ ...poolOptions, clientId: cognito.clientId });
    const chained = await listen((req, res) => demoApi(req, res, () => res.end('next')));
    expect(await (await call(chained, '/index.html')).text()).toBe('next');
    const response = await call(api, '/api/nothing', tokens.IdToken);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('not_found');
  });

  test('the JWKS is fetched on first use, cached, and fetched again for an unknown key id', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const fresh = await listen(createDemoApi({ ...poolOptions, clientId: cognito.clientId }));
      const jwksFetches = () => fetchSpy.mock.calls.filter(([url]) => String(url).endsWith('/.well-known/jwks.json')).length;
      expect(jwksFetches()).toBe(0);
      for (let i = 0; i < 3; i++) expect((await call(fresh, '/api/profile', tokens.IdToken)).status).toBe(200);
      expect(jwksFetches()).toBe(1);
      const unknownKid = mint(claimsOf(tokens.IdToken), strangerKey, { alg: 'RS256', kid: 'rotated' });
      expect((await call(fresh, '/api/profile', unknownKid)).status).toBe(401);
      expect(jwksFetches()).toBe(2);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  test('an unreachable user pool: 503, not 401', async () => {
    const deadEnd = await listen(createDemoApi({ ...poolOptions, clientId: cognito.clientId, endpoint: 'http://127.0.0.1:1' }));
    const response = await call(deadEnd, '/api/profile', tokens.IdToken);
    expect(response.status).toBe(503);
    expect((await response.json()).error).toBe('unavailable');
  });
});

describe('demoApiPlugin', () => {
  const keys = ['VITE_COGNITO_USER_POOL_ID', 'VITE_COGNITO_CLIENT_ID', 'VITE_COGNITO_REGION', 'VITE_COGNITO_ENDPOINT'];
  const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  afterEach(() => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  function setEnv(values: Record<string, string | undefined>) {
    for (const key of keys) {
      const value = values[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }

  const viteConfig = {
    configFile: false as const,
    envDir: false as const,
    logLevel: 'silent' as const,
    appType: 'custom' as const,
    plugins: [demoApiPlugin()],
  };

  test('serves the API from the dev server for the pool in VITE_COGNITO_*', async () => {
    setEnv({
      VITE_COGNITO_USER_POOL_ID: cognito.userPoolId,
      VITE_COGNITO_CLIENT_ID: cognito.clientId,
      VITE_COGNITO_REGION: cognito.region,
      VITE_COGNITO_ENDPOINT: cognito.endpoint,
    });
    const server = await createViteServer({ ...viteConfig, server: { host: '127.0.0.1', port: 0, watch: null, ws: false } });
    try {
      await server.listen();
      const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
      expect((await call(base, '/api/profile', tokens.IdToken)).status).toBe(200);
      expect((await call(base, '/api/notes')).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  test('serves it from the preview server too, and says 503 when no pool is configured', async () => {
    setEnv({});
    const outDir = await mkdtemp(join(tmpdir(), 'authchart-preview-'));
    const server = await preview({ ...viteConfig, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    try {
      const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
      const response = await call(base, '/api/profile', tokens.IdToken);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'not_configured' });
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
