// The local user pool as cognito-local serves it: the seed agrees with LOCAL_POOL, the demo
// user signs in, token lifetimes and issuer are what the app and the demo API rely on.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { startCognitoLocal } from '../../dev/cognitoLocal.js';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { rawInitiateAuth, rawSignIn } from '../support/rawInitiateAuth.js';

const cognito = inject('cognito');
const seedFile = (path: string) => new URL(`../../dev/seed/${path}`, import.meta.url);
const readJson = async (path: string) => JSON.parse(await readFile(seedFile(path), 'utf8'));

const initiateAuth = (clientId: string, authFlow: string, parameters: Record<string, string>) =>
  rawInitiateAuth(cognito.endpoint, clientId, authFlow, parameters);
const signIn = (clientId: string) => rawSignIn(cognito, clientId);

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

describe('the seed', () => {
  test('provides LOCAL_POOL to tests', () => {
    expect(cognito).toMatchObject({ ...LOCAL_POOL, endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  });

  test('pool file and config agree with LOCAL_POOL', async () => {
    expect(await readdir(seedFile('db'))).toEqual(['clients.json', `${LOCAL_POOL.userPoolId}.json`]);
    expect(LOCAL_POOL.userPoolId.startsWith(`${LOCAL_POOL.region}_`)).toBe(true);
    const config = await readJson('config.json');
    expect(config.UserPoolDefaults.UsernameAttributes).toEqual([]);
    expect(config.TokenConfig.IssuerDomain).toBe('http://127.0.0.1:{port}'); // filled in at start
    const pool = await readJson(`db/${LOCAL_POOL.userPoolId}.json`);
    expect(pool.Options).toMatchObject({ Id: LOCAL_POOL.userPoolId, UsernameAttributes: [] });
    const user = pool.Users[LOCAL_POOL.demoUser.username];
    expect(user).toMatchObject({
      Username: LOCAL_POOL.demoUser.username,
      Password: LOCAL_POOL.demoUser.password,
      UserStatus: 'CONFIRMED',
      Enabled: true,
      RefreshTokens: [],
    });
    const attributes = Object.fromEntries(user.Attributes.map((a: { Name: string; Value: string }) => [a.Name, a.Value]));
    expect(attributes).toEqual({
      sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      email: 'demo@example.com',
      email_verified: 'true',
    });
  });

  test('has exactly the three app clients, without secrets', async () => {
    const { Clients } = await readJson('db/clients.json');
    const ids = [LOCAL_POOL.clientId, LOCAL_POOL.shortClientId, LOCAL_POOL.otherClientId];
    expect(Object.keys(Clients).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(Clients[id]).toMatchObject({ ClientId: id, UserPoolId: LOCAL_POOL.userPoolId });
      expect(Clients[id].ExplicitAuthFlows).toEqual(
        expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      );
      expect(Clients[id]).not.toHaveProperty('ClientSecret');
      expect(id).toMatch(/^[a-z0-9]{26}$/);
    }
  });
});

describe('signing in on the emulator', () => {
  test('the demo user signs in with USER_PASSWORD_AUTH on the app client', async () => {
    const tokens = await signIn(LOCAL_POOL.clientId);
    expect(tokens).toEqual({ AccessToken: expect.any(String), IdToken: expect.any(String), RefreshToken: expect.any(String) });
    const id = claimsOf(tokens.IdToken);
    expect(id).toMatchObject({
      token_use: 'id',
      aud: LOCAL_POOL.clientId,
      'cognito:username': LOCAL_POOL.demoUser.username,
      email: 'demo@example.com',
      iss: `${cognito.endpoint}/us-east-1_LocalDev1`,
    });
    expect(claimsOf(tokens.AccessToken)).toMatchObject({
      token_use: 'access',
      client_id: LOCAL_POOL.clientId,
      sub: id['sub'],
      iss: `${cognito.endpoint}/us-east-1_LocalDev1`,
    });
  });

  test('app client tokens live 300 s, short client tokens 30 s', async () => {
    const [app, short] = await Promise.all([signIn(LOCAL_POOL.clientId), signIn(LOCAL_POOL.shortClientId)]);
    const lifetime = (jwt: string) => {
      const { exp, iat } = claimsOf(jwt) as { exp: number; iat: number };
      return exp - iat;
    };
    expect([lifetime(app.IdToken), lifetime(app.AccessToken)]).toEqual([300, 300]);
    expect([lifetime(short.IdToken), lifetime(short.AccessToken)]).toEqual([30, 30]);
    expect(claimsOf(short.IdToken)['aud']).toBe(LOCAL_POOL.shortClientId);
  });

  test('the refresh token gets new tokens, and the committed seed stays untouched', async () => {
    const { RefreshToken } = await signIn(LOCAL_POOL.clientId);
    const refreshed = await initiateAuth(LOCAL_POOL.clientId, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: RefreshToken ?? '' });
    expect(claimsOf(refreshed.IdToken)['aud']).toBe(LOCAL_POOL.clientId);
    // cognito-local appends refresh tokens to its pool file: that must be the scratch copy.
    const pool = await readJson(`db/${LOCAL_POOL.userPoolId}.json`);
    expect(pool.Users[LOCAL_POOL.demoUser.username].RefreshTokens).toEqual([]);
  });
});

describe('startCognitoLocal', () => {
  // os.tmpdir() follows TMPDIR: point it at a folder of our own to see what is left behind.
  async function inOwnTmpdir(run: () => Promise<void>) {
    const previous = process.env['TMPDIR'];
    const dir = await mkdtemp(join(tmpdir(), 'authchart-test-'));
    process.env['TMPDIR'] = dir;
    try {
      await run();
      expect(await readdir(dir)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previous;
      await rm(dir, { recursive: true, force: true });
    }
  }

  test('fails clearly when its fixed port is taken, and leaves no folder behind', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await inOwnTmpdir(async () => {
        await expect(startCognitoLocal({ port })).rejects.toThrow(/exited .* before it was ready[\s\S]*EADDRINUSE/);
      });
    } finally {
      blocker.close();
    }
  });

  test('runs side by side on its own port; stop() is idempotent and removes its folder', async () => {
    await inOwnTmpdir(async () => {
      const second = await startCognitoLocal();
      expect(second.endpoint).not.toBe(cognito.endpoint);
      expect(await readdir(tmpdir())).toEqual([expect.stringMatching(/^authchart-cognito-/)]);
      const health = await fetch(`${second.endpoint}/health`);
      expect(await health.json()).toEqual({ ok: true });
      await Promise.all([second.stop(), second.stop()]);
      await second.stop();
      await expect(fetch(`${second.endpoint}/health`)).rejects.toThrow();
    });
  });
});
