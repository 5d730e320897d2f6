// `npm run dev`: the app on Vite's dev server, against a real user pool when VITE_COGNITO_*
// name one, else against cognito-local seeded with the local pool (dev/seed/), behind
// dev/userAuthFront.js for choice-based sign-in, passkeys and remembered devices.
// `npm run dev -- --real`: against the pool `npm run infra:deploy` made (infra/.env.deployed).
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { createServer, loadEnv } from 'vite';
import { startCognitoLocal } from './cognitoLocal.js';
import { freePort } from './freePort.js';
import { LOCAL_POOL } from './localPool.js';
import { cognitoLocalSigningKey, startLocalProvider } from './localProvider.js';
import { startUserAuthFront } from './userAuthFront.js';

const REAL_POOL_KEYS = ['VITE_COGNITO_USER_POOL_ID', 'VITE_COGNITO_CLIENT_ID', 'VITE_COGNITO_REGION'];
const DEPLOYED_ENV = new URL('../infra/.env.deployed', import.meta.url);
const SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/** @type {import('./cognitoLocal.js').CognitoLocal | undefined} */
let cognito;
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
/** @type {import('./localProvider.js').LocalProvider | undefined} */
let provider;
/** @type {import('./userAuthFront.js').UserAuthFront | undefined} */
let front;
/** @type {number | undefined} */
let frontPort;
/** @type {Promise<void> | undefined} */
let stopping;

for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (stopping) return process.exit(1); // a second Ctrl-C: give up waiting
    process.exitCode = 0;
    console.log(`\n${signal}: stopping…`);
    stopAll().then(() => process.exit());
  });
}

try {
  // The deployed pool's values win over the shell's and .env files' (process.env wins in Vite).
  if (process.argv.includes('--real')) Object.assign(process.env, deployedEnv());
  // The same view of the environment Vite gives the app: process.env and .env files.
  const env = loadEnv('development', process.cwd(), 'VITE_COGNITO_');
  const realPool = REAL_POOL_KEYS.every((key) => env[key]);
  if (!realPool) {
    const partial = REAL_POOL_KEYS.filter((key) => env[key]);
    if (partial.length) console.warn(`${partial.join(', ')} set but not all of ${REAL_POOL_KEYS.join(', ')}: using cognito-local`);
    cognito = await startCognitoLocal({ port: portFrom('COGNITO_PORT') });
    // Choice-based sign-in (passkeys, codes by email) goes through dev/userAuthFront.js, which
    // answers what cognito-local lacks and passes everything else on; its tokens carry
    // cognito-local's issuer. Its port is picked now; it starts once the app's address is known.
    frontPort = await freePort();
    // process.env wins over .env files in Vite, so the app and the demo API both see these.
    Object.assign(process.env, {
      VITE_COGNITO_ENDPOINT: `http://127.0.0.1:${frontPort}`,
      VITE_COGNITO_ISSUER: `${cognito.endpoint}/${LOCAL_POOL.userPoolId}`,
      VITE_AUTH_WAYS_IN: 'WEB_AUTHN,EMAIL_OTP',
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      // cognito-local has no SRP: the demo signs in with USER_PASSWORD_AUTH there.
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      // The front tracks devices (user opt-in), so the profile page's device section works.
      VITE_AUTH_DEVICES: 'remembered',
    });
  }
  // Managed login, locally: an OpenID provider signing as the local pool does. Its port is
  // picked now (the app's build reads its address); it starts once the app's address is known.
  const providerPort = realPool ? undefined : await freePort();
  if (providerPort) {
    Object.assign(process.env, { VITE_OAUTH_DOMAIN: `http://127.0.0.1:${providerPort}`, VITE_OAUTH_LABEL: 'the local provider' });
  }
  vite = await createServerOwningSignals({
    server: { host: '127.0.0.1', port: portFrom('PORT') ?? 5173, strictPort: false },
    // The first-run test starts the dev server as a fresh clone would, with an empty dependency
    // cache of its own, without touching the developer's node_modules/.vite.
    ...(process.env['AUTHCHART_VITE_CACHE_DIR'] ? { cacheDir: process.env['AUTHCHART_VITE_CACHE_DIR'] } : {}),
  });
  await vite.listen();
  if (cognito && frontPort) {
    const appPort = vite.config.server.port;
    const { demoUser } = LOCAL_POOL;
    front = await startUserAuthFront({
      port: frontPort,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: LOCAL_POOL.userPoolId,
      clientId: LOCAL_POOL.clientId,
      signingKey: cognitoLocalSigningKey(),
      users: [{ username: demoUser.username, sub: demoUser.sub, email: demoUser.email }],
      // WebAuthn takes a domain, never an IP address: passkeys work at localhost.
      origins: [`http://localhost:${appPort}`],
      rpId: 'localhost',
      printCodes: true,
      trackDevices: true,
    });
  }
  if (providerPort && cognito) {
    const app = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
    provider = await startLocalProvider({
      port: providerPort,
      clientId: LOCAL_POOL.clientId,
      redirectUris: [`${app}sign-in`],
      signOutUris: [app],
      users: [LOCAL_POOL.providerUser],
      issuer: `${cognito.endpoint}/${LOCAL_POOL.userPoolId}`,
      signingKey: cognitoLocalSigningKey(),
    });
  }
  printBanner(vite, realPool ? env : undefined);
} catch (error) {
  console.error(`npm run dev: cannot start: ${error instanceof Error ? error.message : error}`);
  await stopAll();
  process.exit(1);
}

/**
 * The env file infra/scripts/writeEnv.ts writes after a deploy: the pool's ids, its region, the
 * managed-login domain (or empty), and an empty VITE_COGNITO_ENDPOINT.
 * @returns {NodeJS.Dict<string>}
 */
function deployedEnv() {
  if (!existsSync(DEPLOYED_ENV)) throw new Error('--real: infra/.env.deployed is missing; deploy first (npm run infra:deploy)');
  return parseEnv(readFileSync(DEPLOYED_ENV, 'utf8'));
}

/**
 * Vite's dev server closes itself and calls process.exit() on SIGTERM, which would race our
 * shutdown of cognito-local; drop the SIGTERM listener it adds so shutdown happens here, in order.
 * @param {import('vite').InlineConfig} config
 */
async function createServerOwningSignals(config) {
  const ours = new Set(process.listeners('SIGTERM'));
  const server = await createServer(config);
  for (const listener of process.listeners('SIGTERM')) {
    if (!ours.has(listener)) process.off('SIGTERM', listener);
  }
  return server;
}

/** Closes Vite, then stops cognito-local (which deletes its scratch folder). Idempotent. */
function stopAll() {
  return (stopping ??= (async () => {
    await vite?.close().catch((error) => console.error('closing Vite:', error));
    await provider?.close().catch((error) => console.error('stopping the local provider:', error));
    await front?.stop().catch((error) => console.error('stopping the USER_AUTH front:', error));
    await cognito?.stop().catch((error) => console.error('stopping cognito-local:', error));
  })());
}

/**
 * @param {string} name  an environment variable holding a TCP port
 * @returns {number | undefined}
 */
function portFrom(name) {
  const value = process.env[name];
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${value} is not a port`);
  return port;
}

/**
 * Demo credentials are printed on purpose: they exist only in the local seed. Never tokens.
 * @param {import('vite').ViteDevServer} server
 * @param {Record<string, string> | undefined} realPool  the VITE_COGNITO_* env of a real pool
 */
function printBanner(server, realPool) {
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  const lines = ['', '  authchart dev', `  app       ${url}`];
  if (cognito) {
    lines.push(
      `  cognito   ${cognito.endpoint}  (cognito-local, pool ${LOCAL_POOL.userPoolId}, client ${LOCAL_POOL.clientId})`,
      `  sign in   ${LOCAL_POOL.demoUser.username} / ${LOCAL_POOL.demoUser.password}`,
      `  codes     ${LOCAL_POOL.confirmationCode} (sign-up, password reset)`,
    );
    if (front) {
      lines.push(
        `  passkeys  http://localhost:${server.config.server.port}/  (passkeys need a domain; codes by email are printed here)`,
        '  devices   tracked by the local front (user opt-in): remember this browser on the profile page',
      );
    }
    if (provider) {
      lines.push(`  provider  ${provider.url}  (managed login: ${LOCAL_POOL.providerUser.username} / ${LOCAL_POOL.providerUser.password})`);
    }
  } else if (realPool) {
    const endpoint = realPool['VITE_COGNITO_ENDPOINT'];
    lines.push(
      `  cognito   pool ${realPool['VITE_COGNITO_USER_POOL_ID']} in ${realPool['VITE_COGNITO_REGION']}, client ${realPool['VITE_COGNITO_CLIENT_ID']}${endpoint ? ` via ${endpoint}` : ''}`,
    );
  }
  lines.push('  api       /api/profile, /api/notes (need an ID token)', '  stop      Ctrl-C', '');
  console.log(lines.join('\n'));
}
