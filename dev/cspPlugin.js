/**
 * A strict Content-Security-Policy for the built demo app, sent as a response header by
 * `vite preview` (and so by the e2e tests' servers). Not by `vite dev`: its HMR client needs
 * inline scripts and a websocket. Host the built app (`dist/`) with the same header; print it
 * with `contentSecurityPolicy(env)` for your pool.
 *
 * The build has no inline script and no inline style (Svelte's component styles are extracted
 * into .css files, Vite loads chunks with <script src> and <link>), so no 'unsafe-inline', no
 * nonces and no hashes are needed. The QR code of TOTP set-up is inline SVG markup, which
 * style-src does not govern (it uses presentation attributes, not `style=`).
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
 * The policy for the demo app talking to the configured pool. The demo API is same-origin
 * ('self'); an API elsewhere would be added to connect-src.
 * @param {Record<string, string | undefined>} env
 * @returns {string}
 */
export function contentSecurityPolicy(env) {
  const cognito = cognitoOrigin(env);
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    // Managed login: the code is exchanged at the pool's domain (/oauth2/token) by fetch.
    'connect-src': ["'self'", ...(cognito ? [cognito] : []), ...(env['VITE_OAUTH_DOMAIN'] ? [new URL(env['VITE_OAUTH_DOMAIN']).origin] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Adds the header to every response of `vite preview`: the app's pages, its assets and the
 * demo API. The policy is computed when the server starts, from the same VITE_COGNITO_*
 * variables the build baked into the app (Vite's resolved env: process.env wins, then .env files).
 * @returns {import('vite').Plugin}
 */
export function cspPlugin() {
  return {
    name: 'authchart-csp',
    configurePreviewServer(server) {
      const policy = contentSecurityPolicy(server.config.env);
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
