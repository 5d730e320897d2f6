// A real OpenID Provider (panva/oidc-provider, certified) on loopback, set up the way Cognito's
// managed login answers: Cognito's paths (/oauth2/authorize, /oauth2/token, /oauth2/revoke,
// /logout with `logout_uri`), PKCE required, ID tokens with `token_use`, `cognito:username` and
// the request's `nonce`, JWT access tokens with `token_use` and `client_id`, and a refresh token
// with every code. Only the login page (/interaction/…) is ours: a form with a cancel button.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface ProviderUser {
  username: string;
  password: string;
  sub: string;
  email: string;
}

export interface CognitoLikeProvider {
  /** `http://127.0.0.1:<port>`: the issuer, and the managed-login domain. */
  issuer: string;
  /** Sign-ins completed on the login page. */
  readonly logins: number;
  close(): Promise<void>;
}

export interface ProviderOptions {
  clientId: string;
  redirectUris: string[];
  signOutUris: string[];
  users: ProviderUser[];
}

/** The resource every access token is for: stands for Cognito's own APIs. */
const RESOURCE = 'urn:authchart:cognito-user-pool';

export async function startCognitoLikeProvider(options: ProviderOptions): Promise<CognitoLikeProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userBySub = new Map(options.users.map((user) => [user.sub, user]));
  let logins = 0;

  // A signing key of its own (RS256, as Cognito's), made for this run.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...signingKey, kid: 'authchart-test', alg: 'RS256', use: 'sig' }] },
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
      const user = 'accountId' in token && typeof token.accountId === 'string' ? userBySub.get(token.accountId) : undefined;
      return user ? { token_use: 'access', username: user.username } : undefined;
    },
    issueRefreshToken: async () => true,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['authchart-test-provider'] },
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

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const interaction = /^\/interaction\/([^/]+)(\/login|\/cancel)?$/.exec(url.pathname);
    if (interaction) {
      void handleInteraction(req, res, interaction[2]).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    // Cognito's /logout names the return `logout_uri`; OpenID's RP-initiated logout, `post_logout_redirect_uri`.
    if (url.pathname === '/logout' && url.searchParams.has('logout_uri')) {
      url.searchParams.set('post_logout_redirect_uri', url.searchParams.get('logout_uri')!);
      url.searchParams.delete('logout_uri');
      req.url = `${url.pathname}?${url.searchParams.toString()}`;
    }
    providerCallback(req, res);
  });

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, action: string | undefined) {
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

  return {
    issuer,
    get logins() {
      return logins;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendLoginPage(res: ServerResponse, uid: string, problem: string | null) {
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

/** The provider's "do you want to sign out?" page, answered yes at once, as Cognito's /logout does. */
async function autoSubmitLogout(ctx: KoaContextWithOIDC, form: string) {
  ctx.body = `<!doctype html><html><body>${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<script>document.getElementById('op.logoutForm').submit()</script></body></html>`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
