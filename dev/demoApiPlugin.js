import { createDemoApi } from './demoApi.js';

/**
 * Serves the demo API (dev/demoApi.js) from Vite's dev and preview servers, same origin as
 * the app, for the user pool the app itself is configured with:
 * VITE_COGNITO_USER_POOL_ID, VITE_COGNITO_CLIENT_ID, VITE_COGNITO_REGION and, for an
 * emulator, VITE_COGNITO_ENDPOINT (absent = real Cognito), taken from Vite's resolved env
 * (process.env, which wins, and .env files), i.e. what the app sees as import.meta.env.
 * Without a pool id or client id, `/api/*` answers 503 saying so.
 * @returns {import('vite').Plugin}
 */
export function demoApiPlugin() {
  return {
    name: 'authchart-demo-api',
    configureServer(server) {
      server.middlewares.use(demoApiFromEnv(server.config.env));
    },
    configurePreviewServer(server) {
      server.middlewares.use(demoApiFromEnv(server.config.env));
    },
  };
}

/**
 * Read when a server starts, not at import: dev/start.js sets the variables after starting
 * cognito-local.
 * @param {Record<string, string | undefined>} env
 * @returns {import('./demoApi.js').Middleware}
 */
function demoApiFromEnv(env) {
  const userPoolId = env['VITE_COGNITO_USER_POOL_ID'];
  const clientId = env['VITE_COGNITO_CLIENT_ID'];
  if (!userPoolId || !clientId) return notConfigured;
  return createDemoApi({
    userPoolId,
    clientId,
    region: env['VITE_COGNITO_REGION'] || undefined,
    endpoint: env['VITE_COGNITO_ENDPOINT'] || undefined,
    issuer: env['VITE_COGNITO_ISSUER'] || undefined,
  });
}

/** @type {import('./demoApi.js').Middleware} */
function notConfigured(req, res, next) {
  if (next && !req.url?.startsWith('/api/')) return next();
  res.statusCode = 503;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(
    JSON.stringify({
      error: 'not_configured',
      message:
        'No user pool is configured: set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID, ' +
        'or start with `npm run dev`, which runs cognito-local.',
    }),
  );
}
