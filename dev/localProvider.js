// A real OpenID Provider (panva/oidc-provider, certified) on loopback, answering the way Cognito's
// managed login does: Cognito's paths (/oauth2/authorize, /oauth2/token, /oauth2/revoke, /logout
// with `logout_uri`), PKCE required, ID tokens with `token_use`, `cognito:username` and the
// request's `nonce`, JWT access tokens with `token_use` and `client_id`, a refresh token with every
// code. Only the login page (/interaction/…) is ours: a form, and a cancel button.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import { freePort } from './freePort.js';

/**
 * @typedef {object} ProviderUser
 * @property {string} username
 * @property {string} password
 * @property {string} sub
 * @property {string} email
 */

/**
 * @typedef {object} LocalProviderOptions
 * @property {string} clientId
 * @property {string[]} redirectUris
 * @property {string[]} signOutUris
 * @property {ProviderUser[]} users
 * @property {string} [issuer]  the tokens' `iss`; default the provider's own URL. The dev world
 *   gives cognito-local's pool issuer, with `signingKey: cognitoLocalSigningKey()`: managed login
 *   and the API then share the pool's issuer and keys, as in Cognito
 * @property {Record<string, unknown>} [signingKey]  a private RS256 JWK with a `kid`; default a fresh one
 * @property {number} [port]  default a free one
 */

/**
 * @typedef {object} LocalProvider
 * @property {string} url  `http://127.0.0.1:<port>`: the managed-login domain
 * @property {string} issuer
 * @property {() => number} logins  sign-ins completed on the login page
 * @property {() => Promise<void>} close
 */

/**
 * Codes, sessions and grants in memory, as the library's default keeps them: right for a local
 * provider that lives as long as one dev server or test run. Named, so the library does not warn
 * about its default on every start.
 */
class LocalProviderStore extends MemoryAdapter {}

/** The resource every access token is for: stands for Cognito's own APIs. */
const RESOURCE = 'urn:authchart:cognito-user-pool';

// Its home is signingKey.js (the USER_AUTH front signs with it too, without the provider); kept
// importable from here for the dev world and the tests that already do.
export { cognitoLocalSigningKey } from './signingKey.js';

/**
 * @param {LocalProviderOptions} options
 * @returns {Promise<LocalProvider>}
 */
export async function startLocalProvider(options) {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const issuer = options.issuer ?? url;
  const userBySub = new Map(options.users.map((user) => [user.sub, user]));
  let logins = 0;
  const signingKey =
    options.signingKey ?? { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'local-provider' };

  const provider = new Provider(issuer, {
    adapter: LocalProviderStore,
    jwks: { keys: [/** @type {any} */ ({ ...signingKey, alg: 'RS256', use: 'sig' })] },
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.signOutUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      revocation: '/oauth2/revoke',
      end_session: '/logout',
      userinfo: '/oauth2/userInfo',
      jwks: '/.well-known/jwks.json',
    },
    pkce: { required: () => true, methods: ['S256'] },
    claims: { openid: ['sub', 'token_use', 'cognito:username'], email: ['email'], profile: [] },
    // Cognito puts the scopes' claims in the ID token itself.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = userBySub.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, token_use: 'id', 'cognito:username': user.username, email: user.email }) };
    },
    extraTokenClaims: async (_ctx, token) => {
      const accountId = /** @type {{ accountId?: unknown }} */ (token).accountId;
      const user = typeof accountId === 'string' ? userBySub.get(accountId) : undefined;
      return user ? { token_use: 'access', username: user.username } : undefined;
    },
    issueRefreshToken: async () => true,
    // Cognito's token endpoint answers single-page apps' cross-origin requests.
    clientBasedCORS: () => true,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['authchart-local-provider'] },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ scope: 'openid email profile', accessTokenFormat: 'jwt', accessTokenTTL: 3600 }),
      },
      rpInitiatedLogout: { enabled: true, logoutSource: autoSubmitLogout },
    },
  });
  const providerCallback = provider.callback();

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string | undefined} action
   */
  async function handleInteraction(req, res, action) {
    const details = await provider.interactionDetails(req, res);
    if (action === '/cancel') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in' });
      return;
    }
    if (action === '/login') {
      const form = new URLSearchParams(await readBody(req));
      const user = options.users.find((candidate) => candidate.username === form.get('username'));
      if (!user || user.password !== form.get('password')) return sendLoginPage(res, details.uid, 'Incorrect username or password.');
      const grant = new provider.Grant({ accountId: user.sub, clientId: String(details.params['client_id']) });
      const scope = String(details.params['scope'] ?? 'openid');
      grant.addOIDCScope(scope);
      grant.addResourceScope(RESOURCE, scope);
      const grantId = await grant.save();
      logins += 1;
      await provider.interactionFinished(req, res, { login: { accountId: user.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    sendLoginPage(res, details.uid, null);
  }

  const server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', url);
    const interaction = /^\/interaction\/([^/]+)(\/login|\/cancel)?$/.exec(requestUrl.pathname);
    if (interaction) {
      handleInteraction(req, res, interaction[2]).catch((error) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    // Cognito's /logout names the return `logout_uri`; OpenID's RP-initiated logout, `post_logout_redirect_uri`.
    if (requestUrl.pathname === '/logout' && requestUrl.searchParams.has('logout_uri')) {
      requestUrl.searchParams.set('post_logout_redirect_uri', /** @type {string} */ (requestUrl.searchParams.get('logout_uri')));
      requestUrl.searchParams.delete('logout_uri');
      req.url = `${requestUrl.pathname}?${requestUrl.searchParams.toString()}`;
    }
    providerCallback(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });

  return {
    url,
    issuer,
    logins: () => logins,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} uid
 * @param {string | null} problem
 */
function sendLoginPage(res, uid, problem) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><html><head><title>Local provider: sign in</title></head><body>
<h1>Local provider</h1>${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${uid}/cancel"><button type="submit">Cancel</button></form>
</body></html>`);
}

/**
 * The provider's "do you want to sign out?" page, answered yes at once, as Cognito's /logout does.
 * @param {import('oidc-provider').KoaContextWithOIDC} ctx
 * @param {string} form
 */
async function autoSubmitLogout(ctx, form) {
  ctx.body = `<!doctype html><html><body>${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<script>document.getElementById('op.logoutForm').submit()</script></body></html>`;
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
