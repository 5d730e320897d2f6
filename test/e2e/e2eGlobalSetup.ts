// Starts the whole local world for browser tests: cognito-local, and production builds of the
// demo app pointed at it (some through dev/userAuthFront.js), each served with the demo API by
// its own `vite preview` on a free loopback port. Everything started here is stopped by the
// returned teardown.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { startCognitoLocal } from '../../dev/cognitoLocal.js';
import { freePort } from '../../dev/freePort.js';
import { LOCAL_POOL, type LocalPool } from '../../dev/localPool.js';
import { cognitoLocalSigningKey, startLocalProvider, type LocalProvider } from '../../dev/localProvider.js';
import { startUserAuthFront, type UserAuthFront } from '../../dev/userAuthFront.js';

export interface E2eContext extends LocalPool {
  /** The app with `local` storage and the 5-minute client, e.g. `http://127.0.0.1:41234/`. */
  appUrl: string;
  /** The same app keeping tokens in `memory` (a reload loses the session). */
  memoryAppUrl: string;
  /** The app with the 30-second client (`shortClientId`), to watch refreshes happen. */
  shortAppUrl: string;
  /** The `worker` tier (refresh token in a Web Worker) on the 30-second client. */
  workerAppUrl: string;
  /** The app with managed login through the local OpenID provider (`providerUrl`). */
  oauthAppUrl: string;
  providerUrl: string;
  /**
   * The app offering passkeys and email codes (choice-based sign-in through dev/userAuthFront.js,
   * which answers what cognito-local lacks): at `localhost`, as WebAuthn refuses IP addresses.
   */
  passkeyAppUrl: string;
  /** dev/userAuthFront.js (USER_AUTH and WebAuthn, the rest passed on to cognito-local), and the issuer its tokens carry. */
  userAuthEndpoint: string;
  userAuthIssuer: string;
  /**
   * The app for a pool that tracks devices (VITE_AUTH_DEVICES=remembered), through a front of its
   * own with `trackDevices` (dev/deviceTracking.js): every sign-in there gets a device.
   */
  devicesAppUrl: string;
  cognitoEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

type Variant = { clientId: string; storage: 'local' | 'memory' | 'worker'; oauthDomain?: string; issuer?: string; waysIn?: string; devices?: 'remembered' };
const VARIANTS = {
  appUrl: { clientId: LOCAL_POOL.clientId, storage: 'local' },
  memoryAppUrl: { clientId: LOCAL_POOL.clientId, storage: 'memory' },
  shortAppUrl: { clientId: LOCAL_POOL.shortClientId, storage: 'local' },
  workerAppUrl: { clientId: LOCAL_POOL.shortClientId, storage: 'worker' },
} as const satisfies Record<string, Variant>;

const ENV_KEYS = [
  'VITE_COGNITO_ENDPOINT',
  'VITE_COGNITO_USER_POOL_ID',
  'VITE_COGNITO_CLIENT_ID',
  'VITE_COGNITO_REGION',
  'VITE_AUTH_FLOW',
  'VITE_AUTH_STORAGE',
  'VITE_OAUTH_DOMAIN',
  'VITE_OAUTH_LABEL',
  'VITE_COGNITO_ISSUER',
  'VITE_AUTH_WAYS_IN',
  'VITE_AUTH_DEVICES',
] as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const savedEnv = ENV_KEYS.map((key) => [key, process.env[key]] as const);
  const cognito = await startCognitoLocal();
  const outRoot = await mkdtemp(join(tmpdir(), 'authchart-e2e-'));
  const servers: PreviewServer[] = [];
  let provider: LocalProvider | undefined;
  let front: UserAuthFront | undefined;
  let deviceFront: UserAuthFront | undefined;
  const teardown = async () => {
    await Promise.allSettled(servers.map((server) => server.close()));
    await provider?.close();
    await front?.stop();
    await deviceFront?.stop();
    await cognito.stop();
    await rm(outRoot, { recursive: true, force: true });
  };
  try {
    const urls: Record<string, string> = {};
    for (const [name, variant] of Object.entries(VARIANTS)) {
      const server = await serve(join(outRoot, name), cognito.endpoint, variant);
      servers.push(server);
      urls[name] = appUrlOf(server);
    }
    // Managed login: the provider must know the app's URLs, and the app the provider's. It signs
    // as the pool does (cognito-local's issuer and key), so the demo API takes its tokens.
    const oauthPort = await freePort();
    const oauthAppUrl = `http://127.0.0.1:${oauthPort}/`;
    provider = await startLocalProvider({
      clientId: LOCAL_POOL.clientId,
      redirectUris: [`${oauthAppUrl}sign-in`],
      signOutUris: [oauthAppUrl],
      users: [LOCAL_POOL.providerUser],
      issuer: `${cognito.endpoint}/${LOCAL_POOL.userPoolId}`,
      signingKey: cognitoLocalSigningKey(),
    });
    const oauthServer = await serve(join(outRoot, 'oauth'), cognito.endpoint, { clientId: LOCAL_POOL.clientId, storage: 'local', oauthDomain: provider.url }, oauthPort);
    servers.push(oauthServer);
    // Passkeys: the front signs its tokens as cognito-local (its issuer and key) and passes
    // everything else on to it, so password sign-in and the demo API work as in the other builds.
    const passkeyPort = await freePort();
    const issuer = `${cognito.endpoint}/${LOCAL_POOL.userPoolId}`;
    front = await startUserAuthFront({
      cognitoEndpoint: cognito.endpoint,
      userPoolId: LOCAL_POOL.userPoolId,
      clientId: LOCAL_POOL.clientId,
      signingKey: cognitoLocalSigningKey(),
      users: [{ username: LOCAL_POOL.demoUser.username, sub: LOCAL_POOL.demoUser.sub, email: LOCAL_POOL.demoUser.email }],
      origins: [`http://localhost:${passkeyPort}`],
      rpId: 'localhost',
      tokenSeconds: 300,
    });
    const passkeyVariant = { clientId: LOCAL_POOL.clientId, storage: 'local', issuer, waysIn: 'WEB_AUTHN,EMAIL_OTP' } as const;
    servers.push(await serve(join(outRoot, 'passkeys'), front.endpoint, passkeyVariant, passkeyPort));
    // Remembered devices: a front of its own, as device tracking holds every sign-in there to a
    // device (a refresh without its key is refused), which the other builds do not confirm.
    deviceFront = await startUserAuthFront({
      cognitoEndpoint: cognito.endpoint,
      userPoolId: LOCAL_POOL.userPoolId,
      clientId: LOCAL_POOL.clientId,
      signingKey: cognitoLocalSigningKey(),
      users: [],
      origins: [],
      rpId: 'localhost',
      trackDevices: true,
    });
    const devicesServer = await serve(join(outRoot, 'devices'), deviceFront.endpoint, { clientId: LOCAL_POOL.clientId, storage: 'local', issuer, devices: 'remembered' });
    servers.push(devicesServer);
    project.provide('e2e', {
      ...LOCAL_POOL,
      appUrl: urls.appUrl!,
      memoryAppUrl: urls.memoryAppUrl!,
      shortAppUrl: urls.shortAppUrl!,
      workerAppUrl: urls.workerAppUrl!,
      oauthAppUrl,
      providerUrl: provider.url,
      passkeyAppUrl: `http://localhost:${passkeyPort}/`,
      userAuthEndpoint: front.endpoint,
      userAuthIssuer: issuer,
      devicesAppUrl: appUrlOf(devicesServer),
      cognitoEndpoint: cognito.endpoint,
    });
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  } finally {
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Builds one variant and serves it. Vite reads VITE_* from process.env when it resolves its
 * config: the build bakes them into the app, and the preview server's demo API verifies tokens
 * for the same client. So: set, build, start preview, then the next variant.
 */
async function serve(outDir: string, endpoint: string, variant: Variant, port?: number): Promise<PreviewServer> {
  Object.assign(process.env, {
    VITE_COGNITO_ENDPOINT: endpoint,
    VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
    VITE_COGNITO_CLIENT_ID: variant.clientId,
    VITE_COGNITO_REGION: LOCAL_POOL.region,
    VITE_AUTH_STORAGE: variant.storage,
    VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
  });
  if (variant.oauthDomain) Object.assign(process.env, { VITE_OAUTH_DOMAIN: variant.oauthDomain, VITE_OAUTH_LABEL: 'the local provider' });
  else for (const key of ['VITE_OAUTH_DOMAIN', 'VITE_OAUTH_LABEL']) delete process.env[key];
  for (const [key, value] of [['VITE_COGNITO_ISSUER', variant.issuer], ['VITE_AUTH_WAYS_IN', variant.waysIn], ['VITE_AUTH_DEVICES', variant.devices]] as const) {
    if (value) process.env[key] = value;
    else delete process.env[key];
  }
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  return preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: port ?? (await freePort()), strictPort: true },
  });
}

function appUrlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  return url;
}
