// Managed login against a real authorization server (oidc-provider, set up with Cognito's paths
// and token shapes): the redirect out, the login page, the return with a code, the exchange, the
// session; and every way the return can fail, each ending signed out with a typed error.
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { waitFor } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, type Auth, type TokenStorage } from '../../machines/index.js';
import { hostedUi } from '../../machines/oauth/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { TEST_POOL } from '../support/fakeTokens.js';
import { BrowserLikeFetch } from '../support/oauth/browserLikeFetch.js';
import { cognitoLocalSigningKey, startLocalProvider, type LocalProvider } from '../../dev/localProvider.js';

const APP = 'http://127.0.0.1:5999';
const REDIRECT_URI = `${APP}/`;
const SIGN_OUT_URI = `${APP}/signed-out`;
const ALICE = { username: 'alice', password: 'alice-passw0rd', sub: 'a11ce000-0000-4000-8000-000000000001', email: 'alice@example.com' };

let provider: LocalProvider;

beforeAll(async () => {
  provider = await startLocalProvider({
    clientId: TEST_POOL.clientId,
    redirectUris: [REDIRECT_URI],
    signOutUris: [SIGN_OUT_URI],
    users: [ALICE],
  });
});

afterAll(async () => {
  await provider?.close();
});

/**
 * One browser tab: its address bar, its sessionStorage (which survives the trip to the provider
 * and back), the shared localStorage, and the provider's cookies.
 */
class Tab {
  href = `${APP}/sign-in`;
  readonly visited: string[] = [];
  readonly pending: TokenStorage = memoryStorage('session');
  readonly browser = new BrowserLikeFetch();

  constructor(readonly shared: TokenStorage = memoryStorage('local')) {}

  /** A page load at `href`: a new auth, as the app creates one at start-up. */
  load(href = this.href): Auth {
    this.href = href;
    const oauth = hostedUi(
      { domain: provider.url, redirectUri: REDIRECT_URI, signOutUri: SIGN_OUT_URI },
      {
        location: { href: this.href, assign: (url) => this.visited.push(url) },
        history: { state: null, replaceState: (_data, _unused, url) => void (this.href = String(url)) },
        pendingStorage: this.pending,
        markerStorage: this.shared,
      },
    );
    return createAuth({
      userPoolId: TEST_POOL.userPoolId,
      clientId: TEST_POOL.clientId,
      issuer: provider.issuer,
      storage: this.shared,
      tabs: false,
      transport: new FakeCognito().on('RevokeToken', () => ({})),
      oauth,
    });
  }

  /** Signs in on the provider's page, from the authorize URL the app navigated to; returns where it sends the tab back. */
  async signInAtProvider(authorizeUrl: string, password = ALICE.password): Promise<string> {
    const page = await this.browser.follow(authorizeUrl);
    expect(page.response.status).toBe(200);
    const back = await this.browser.submit(`${page.url}/login`, { username: ALICE.username, password });
    return back.url;
  }

  lastVisit(): string {
    return this.visited.at(-1)!;
  }
}

async function settled(auth: Auth) {
  return waitFor(auth.actor, (s) => !s.hasTag('busy'));
}

describe('managed login with PKCE, against oidc-provider', () => {
  it('redirects with PKCE, comes back signed in with the custom state, and the address bar is clean', async () => {
    const tab = new Tab();
    const before = tab.load();
    await settled(before);
    await before.signInWithRedirect({ customState: '/dashboard?tab=2', loginHint: 'alice' });
    const authorize = new URL(tab.lastVisit());
    before.stop();

    expect(authorize.origin + authorize.pathname).toBe(`${provider.url}/oauth2/authorize`);
    const query = Object.fromEntries(authorize.searchParams);
    expect(query).toMatchObject({ response_type: 'code', client_id: TEST_POOL.clientId, redirect_uri: REDIRECT_URI, code_challenge_method: 'S256', login_hint: 'alice' });
    expect(query['state']).toMatch(/^[\w-]{43}$/);
    expect(query['nonce']).toMatch(/^[\w-]{43}$/);
    // The verifier stays in the tab: only its hash travels.
    const pending = JSON.parse(tab.pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)!) as { verifier: string };
    const verifier = pending.verifier;
    expect(verifier).toMatch(/^[\w-]{43}$/);
    expect(tab.lastVisit()).not.toContain(verifier);

    const back = await tab.signInAtProvider(authorize.toString());
    expect(back).toMatch(new RegExp(`^${REDIRECT_URI}\\?code=`));
    const after = tab.load(back);
    const signedIn = await settled(after);
    expect(signedIn.value).toEqual({ signedIn: 'idle' });
    expect(signedIn.context.customState).toBe('/dashboard?tab=2');
    expect(after.user()).toMatchObject({ sub: ALICE.sub, username: 'alice', email: ALICE.email });
    expect(tab.href).toBe(REDIRECT_URI);
    // The pending request is spent; nothing of the exchange is left in storage but the session.
    expect(tab.pending.getItem(`authchart:oauth:${TEST_POOL.clientId}:pending`)).toBeNull();
    expect((await after.getTokens())?.accessToken).toMatch(/^eyJ/);
    after.stop();
  });

  it('signing out revokes, then ends the provider session too (/logout), so the next sign-in asks again', async () => {
    const tab = new Tab();
    const first = tab.load();
    await settled(first);
    await first.signInWithRedirect();
    first.stop();
    const auth = tab.load(await tab.signInAtProvider(tab.lastVisit()));
    await settled(auth);
    await auth.signOut();
    const logout = new URL(tab.lastVisit());
    expect(logout.pathname).toBe('/logout');
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: TEST_POOL.clientId, logout_uri: SIGN_OUT_URI });

    // The provider's own page confirms the logout (a script does it in a browser; here, by hand).
    const confirm = await tab.browser.follow(logout.toString());
    const html = await confirm.response.text();
    const action = /action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = await tab.browser.submit(new URL(action, provider.url).toString(), { xsrf, logout: 'yes' });
    expect(done.url).toBe(SIGN_OUT_URI);

    // Signed out there too: a new authorization shows the login page instead of coming straight back.
    await auth.signInWithRedirect();
    const again = await tab.browser.follow(tab.lastVisit());
    expect(again.response.status).toBe(200);
    expect(await again.response.text()).toContain('Local provider');
    auth.stop();
  });

  it('a declined sign-in (access_denied) ends signed out with accessDenied', async () => {
    const tab = new Tab();
    const first = tab.load();
    await settled(first);
    await first.signInWithRedirect();
    first.stop();
    const page = await tab.browser.follow(tab.lastVisit());
    const back = await tab.browser.submit(`${page.url}/cancel`, {});
    expect(back.url).toContain('error=access_denied');
    const auth = tab.load(back.url);
    const after = await settled(auth);
    expect(after.value).toEqual({ signedOut: 'idle' });
    expect(after.context.error).toMatchObject({ code: 'accessDenied' });
    expect(tab.href).toBe(REDIRECT_URI);
    auth.stop();
  });

  it.each([
    ['a tampered state', (url: URL) => url.searchParams.set('state', 'tampered'), 'redirectFailed'],
    ['a return in another tab (no pending request there)', () => {}, 'redirectFailed'],
  ] as const)('%s ends signed out with %s, and the code is never exchanged', async (name, tamper, code) => {
    const tab = new Tab();
    const first = tab.load();
    await settled(first);
    await first.signInWithRedirect();
    first.stop();
    const back = new URL(await tab.signInAtProvider(tab.lastVisit()));
    tamper(back);
    const other = name.startsWith('a return in another tab') ? new Tab(tab.shared) : tab;
    const auth = other.load(back.toString());
    const after = await settled(auth);
    expect(after.value).toEqual({ signedOut: 'idle' });
    expect(after.context.error).toMatchObject({ code });
    expect(after.context.error).toBeInstanceOf(AuthError);
    auth.stop();
  });

  it('a replayed code is refused by the token endpoint, even with a fresh pending request', async () => {
    const tab = new Tab();
    const first = tab.load();
    await settled(first);
    await first.signInWithRedirect();
    first.stop();
    const back = new URL(await tab.signInAtProvider(tab.lastVisit()));
    const signedIn = tab.load(back.toString());
    await settled(signedIn);
    await signedIn.signOut();
    signedIn.stop();

    // A new sign-in starts (a new state and verifier), and the old code comes back with its state.
    const next = tab.load(`${APP}/sign-in`);
    await settled(next);
    await next.signInWithRedirect();
    next.stop();
    back.searchParams.set('state', new URL(tab.lastVisit()).searchParams.get('state')!);
    const replay = tab.load(back.toString());
    const after = await settled(replay);
    expect(after.value).toEqual({ signedOut: 'idle' });
    // The token endpoint's own refusal (invalid_grant), not a later check.
    expect(after.context.error).toMatchObject({ code: 'redirectFailed', message: expect.stringContaining('already used or has expired') });
    replay.stop();
  });

  it("as the dev world runs it: the pool's issuer and signing key (cognito-local's), served from another origin", async () => {
    const poolIssuer = 'http://127.0.0.1:9229/local_pool';
    const devProvider = await startLocalProvider({
      clientId: TEST_POOL.clientId,
      redirectUris: [REDIRECT_URI],
      signOutUris: [SIGN_OUT_URI],
      users: [ALICE],
      issuer: poolIssuer,
      signingKey: cognitoLocalSigningKey(),
    });
    try {
      const tab = new Tab();
      const auth = (href: string) =>
        createAuth({
          userPoolId: TEST_POOL.userPoolId,
          clientId: TEST_POOL.clientId,
          issuer: poolIssuer,
          storage: tab.shared,
          tabs: false,
          transport: new FakeCognito(),
          oauth: hostedUi(
            { domain: devProvider.url, redirectUri: REDIRECT_URI },
            {
              location: { href, assign: (url) => tab.visited.push(url) },
              history: { state: null, replaceState: (_data, _unused, url) => void (tab.href = String(url)) },
              pendingStorage: tab.pending,
              markerStorage: tab.shared,
            },
          ),
        });
      const first = auth(`${APP}/sign-in`);
      await settled(first);
      await first.signInWithRedirect();
      first.stop();
      const back = await tab.signInAtProvider(tab.lastVisit());
      const after = auth(back);
      expect((await settled(after)).value).toEqual({ signedIn: 'idle' });
      const idToken = (await after.getTokens())!.idToken;
      // Signed with cognito-local's key: its JWKS (what the demo API checks against) verifies it.
      const [header, payload, signature] = idToken.split('.') as [string, string, string];
      const publicKey = createPublicKey({ key: cognitoLocalSigningKey() as JsonWebKey, format: 'jwk' });
      expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ kid: 'CognitoLocal', alg: 'RS256' });
      after.stop();
    } finally {
      await devProvider.close();
    }
  });

  it('a reload of the page that came back cannot replay the code: the address bar was cleaned', async () => {
    const tab = new Tab();
    const first = tab.load();
    await settled(first);
    await first.signInWithRedirect();
    first.stop();
    const auth = tab.load(await tab.signInAtProvider(tab.lastVisit()));
    await settled(auth);
    auth.stop();
    const reloaded = tab.load(tab.href);
    const after = await settled(reloaded);
    // Restored from storage, with no error: the code was not sent again.
    expect(after.value).toEqual({ signedIn: 'idle' });
    expect(after.context.error).toBeNull();
    reloaded.stop();
  });
});
