import { describe, expect, it } from 'vitest';
import { createAuth, memoryStorage, resolveConfig } from '../../../machines/index.js';
import { hostedUi, type HostedUiEnvironment } from '../../../machines/oauth/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const DOMAIN = 'https://demo.auth.us-east-1.amazoncognito.com';
const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });

function port(href: string, options: Partial<Parameters<typeof hostedUi>[0]> = {}, environment: Partial<HostedUiEnvironment> = {}) {
  const page = { href, visited: [] as string[] };
  const pending = memoryStorage('session');
  const oauth = hostedUi(
    { domain: DOMAIN, redirectUri: 'https://app.example.com/callback', ...options },
    {
      location: { get href() { return page.href; }, assign: (url) => page.visited.push(url) },
      history: { state: null, replaceState: (_data, _unused, url) => void (page.href = String(url)) },
      pendingStorage: pending,
      markerStorage: memoryStorage(),
      ...environment,
    },
  );
  return { oauth, page, pending };
}

const throwingStorage = {
  getItem: (): string | null => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

/** What /oauth2/token answers: these tokens, as JSON. */
function tokenEndpoint(idClaims: Record<string, unknown>): typeof fetch {
  const now = Math.floor(Date.now() / 1000);
  const common = { sub: 'user-1', iss: TEST_POOL.issuer, iat: now, exp: now + 3600, auth_time: now };
  const body = {
    id_token: makeJwt({ ...common, token_use: 'id', aud: TEST_POOL.clientId, ...idClaims }),
    access_token: makeJwt({ ...common, token_use: 'access', client_id: TEST_POOL.clientId }),
    refresh_token: 'refresh-token',
  };
  return async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

async function returnedFrom(oauth: ReturnType<typeof hostedUi>, pending: ReturnType<typeof memoryStorage>) {
  await oauth.startRedirect({}, config);
  const request = JSON.parse(pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)!) as { state: string; nonce: string };
  return { response: { kind: 'code' as const, code: 'code', state: request.state }, nonce: request.nonce };
}

describe('hostedUi', () => {
  it.each([
    [{ domain: 'http://demo.auth.us-east-1.amazoncognito.com' }, 'oauth.domain must use https'],
    [{ domain: `${DOMAIN}/oauth2` }, 'oauth.domain must be an origin'],
    [{ redirectUri: 'callback' }, 'oauth.redirectUri must be an absolute URL'],
    [{ scopes: ['openid email'] }, 'oauth.scopes'],
    [{ responseType: 'token' as 'code' }, "oauth.responseType must be 'code'"],
  ])('refuses %o', (options, message) => {
    expect(() => port('https://app.example.com/', options)).toThrow(expect.objectContaining({ code: 'invalidConfig', message: expect.stringContaining(message) }));
  });

  it('reads an answer only at the redirect URI, and removes it from the address bar', () => {
    expect(port('https://app.example.com/other?code=x&state=y').oauth.takeRedirectResponse(config)).toBeNull();
    const { oauth, page } = port('https://app.example.com/callback?code=abc&state=xyz&keep=1#top');
    expect(oauth.takeRedirectResponse(config)).toEqual({ kind: 'code', code: 'abc', state: 'xyz' });
    expect(page.href).toBe('https://app.example.com/callback?keep=1#top');
  });

  it('reads the provider’s refusal, and a code without state as an error', () => {
    const refused = port('https://app.example.com/callback?error=access_denied&error_description=No+thanks&state=s');
    expect(refused.oauth.takeRedirectResponse(config)).toEqual({ kind: 'error', error: 'access_denied', description: 'No thanks', state: 's' });
    const stateless = port('https://app.example.com/callback?code=abc');
    expect(stateless.oauth.takeRedirectResponse(config)).toMatchObject({ kind: 'error', error: 'invalid_request', state: null });
  });

  it('names the identity provider and scopes; a new request replaces the pending one', async () => {
    const { oauth, page, pending } = port('https://app.example.com/', { scopes: ['openid', 'aws.cognito.signin.user.admin'] });
    await oauth.startRedirect({ provider: 'Google' }, config);
    await oauth.startRedirect({}, config);
    const [first, second] = page.visited.map((url) => new URL(url).searchParams);
    expect(first!.get('identity_provider')).toBe('Google');
    expect(first!.get('scope')).toBe('openid aws.cognito.signin.user.admin');
    expect(second!.get('state')).not.toBe(first!.get('state'));
    const kept = JSON.parse(pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)!) as { state: string };
    expect(kept.state).toBe(second!.get('state'));
  });

  it('ends the hosted session only for the user who signed in through it, and only with a sign-out URL', () => {
    const { oauth, page } = port('https://app.example.com/', { signOutUri: 'https://app.example.com/bye' });
    oauth.endHostedSession('someone', config);
    expect(page.visited).toEqual([]);
    oauth.rememberHostedSignIn('alice', config);
    oauth.endHostedSession('bob', config);
    expect(page.visited).toEqual([]);
    oauth.endHostedSession('alice', config);
    expect(page.visited).toEqual([`${DOMAIN}/logout?client_id=${TEST_POOL.clientId}&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye`]);
    oauth.endHostedSession('alice', config);
    expect(page.visited).toHaveLength(1);
  });

  it('sends the redirect and sign-out URIs exactly as configured (Cognito compares them byte for byte)', async () => {
    const { oauth, page } = port('https://app.example.com/', { redirectUri: 'https://app.example.com', signOutUri: 'https://app.example.com' });
    await oauth.startRedirect({}, config);
    expect(new URL(page.visited[0]!).searchParams.get('redirect_uri')).toBe('https://app.example.com');
    oauth.rememberHostedSignIn('alice', config);
    oauth.endHostedSession('alice', config);
    expect(new URL(page.visited[1]!).searchParams.get('logout_uri')).toBe('https://app.example.com');
  });

  it('storage that throws never throws from the marker; a request it cannot keep is storageUnavailable', async () => {
    const { oauth } = port('https://app.example.com/', {}, { pendingStorage: throwingStorage, markerStorage: throwingStorage });
    expect(() => oauth.rememberHostedSignIn('alice', config)).not.toThrow();
    expect(() => oauth.endHostedSession('alice', config)).not.toThrow();
    expect(oauth.takeRedirectResponse(config)).toBeNull();
    await expect(oauth.startRedirect({}, config)).rejects.toMatchObject({ code: 'storageUnavailable' });
  });

  it('an ID token without this request’s nonce is refused; with it, the session starts', async () => {
    const refused = port('https://app.example.com/', {}, { fetch: tokenEndpoint({ nonce: 'another' }) });
    const first = await returnedFrom(refused.oauth, refused.pending);
    const failure = await refused.oauth.completeRedirect(first.response, config, { now: () => Date.now() }, new AbortController().signal).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'redirectFailed', cause: { code: 'invalidToken', message: expect.stringContaining('nonce') } });

    const accepted = port('https://app.example.com/');
    const second = await returnedFrom(accepted.oauth, accepted.pending);
    const ok = hostedUi(
      { domain: DOMAIN, redirectUri: 'https://app.example.com/callback' },
      { pendingStorage: accepted.pending, markerStorage: memoryStorage(), fetch: tokenEndpoint({ nonce: second.nonce }) },
    );
    const result = await ok.completeRedirect(second.response, config, { now: () => Date.now() }, new AbortController().signal);
    expect(result.session.idClaims.sub).toBe('user-1');
  });

  it('a token endpoint that never answers ends the return as redirectFailed after the request timeout', async () => {
    const quick = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, requestTimeoutSeconds: 0.2 });
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const { oauth, pending } = port('https://app.example.com/', {}, { fetch: never });
    const { response } = await returnedFrom(oauth, pending);
    await expect(oauth.completeRedirect(response, quick, { now: () => Date.now() }, new AbortController().signal)).rejects.toMatchObject({
      code: 'redirectFailed',
    });
  });

  it('a page load without an answer forgets a request left pending in this tab (its verifier with it)', async () => {
    const { oauth, pending } = port('https://app.example.com/');
    await oauth.startRedirect({}, config);
    expect(pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)).not.toBeNull();
    expect(oauth.takeRedirectResponse(config)).toBeNull();
    expect(pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)).toBeNull();
  });

  it('with storage that throws, a password user still signs out cleanly (the actor never fails)', async () => {
    const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => ({ AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } }))
      .on('RevokeToken', () => ({}));
    const { oauth } = port('https://app.example.com/', {}, { pendingStorage: throwingStorage, markerStorage: throwingStorage });
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, oauth });
    await auth.signIn({ username: 'demo', password: 'pw' });
    await auth.signOut();
    expect(auth.actor.getSnapshot().status).toBe('active');
    expect(auth.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
    auth.stop();
  });
});
