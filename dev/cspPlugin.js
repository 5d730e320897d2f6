import { securityHeaders } from './securityHeaders.js';

/**
 * The security headers of the built demo app (dev/securityHeaders.js: a strict
 * Content-Security-Policy and a few others), sent by `vite preview` (and so by the e2e tests'
 * servers). Not by `vite dev`: its HMR client needs inline scripts and a websocket. The deployed
 * stack (infra/) sends the same headers from CloudFront; to host `dist/` elsewhere, print them
 * with `securityHeaders(connectOrigins(env))` for your pool.
 */

/**
 * The origin the app calls Cognito on: the emulator's endpoint when VITE_COGNITO_ENDPOINT is
 * set (cognito-local: `http://127.0.0.1:<port>`), else the pool's regional endpoint. Null when no
 * pool is configured.
 * @param {Record<string, string | undefined>} env  Vite's resolved env (VITE_COGNITO_*)
 * @returns {string | null}
 */
export function cognitoOrigin(env) {
  const endpoint = env['VITE_COGNITO_ENDPOINT'];
  if (endpoint) return new URL(endpoint).origin;
  const userPoolId = env['VITE_COGNITO_USER_POOL_ID'];
  const region = env['VITE_COGNITO_REGION'] || userPoolId?.split('_')[0];
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return null;
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/**
 * What the app configured by `env` calls besides its own origin: Cognito and, with managed
 * login (VITE_OAUTH_DOMAIN), the pool's domain. The demo API is same-origin ('self').
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function connectOrigins(env) {
  const cognito = cognitoOrigin(env);
  const oauthDomain = env['VITE_OAUTH_DOMAIN'];
  return [...(cognito ? [cognito] : []), ...(oauthDomain ? [new URL(oauthDomain).origin] : [])];
}

/**
 * The policy for the demo app talking to the configured pool.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function contentSecurityPolicy(env) {
  return /** @type {string} */ (securityHeaders(connectOrigins(env))['Content-Security-Policy']);
}

/**
 * Adds the headers to every response of `vite preview`: the app's pages, its assets and the
 * demo API. They are computed when the server starts, from the same VITE_COGNITO_* variables the
 * build baked into the app (Vite's resolved env: process.env wins, then .env files).
 * @returns {import('vite').Plugin}
 */
export function cspPlugin() {
  return {
    name: 'authchart-csp',
    configurePreviewServer(server) {
      const headers = Object.entries(securityHeaders(connectOrigins(server.config.env)));
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of headers) res.setHeader(name, value);
        next();
      });
    },
  };
}
