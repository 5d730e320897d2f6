import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../machines/index.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { authErrorOf, config, DOMAIN, hostedUiPort, PENDING_KEY, startedRequest } from '../../support/oauth/oauthTestWorld.js';

// The managed-login port's configuration checks, and its part in the sign-out: ending the hosted
// session (Cognito's /logout) only where the sign-in began there, whatever Web Storage does.
// The redirect itself, both ways, is in hostedUiRedirect.test.ts.

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

describe('hostedUi configuration', () => {
  it.each([
    [{ domain: 'http://demo.auth.us-east-1.amazoncognito.com' }, 'oauth.domain must use https'],
    [{ domain: `${DOMAIN}/oauth2` }, 'oauth.domain must be an origin'],
    [{ redirectUri: 'callback' }, 'oauth.redirectUri must be an absolute URL'],
    [{ redirectUri: 'ftp://app.example.com/callback' }, 'oauth.redirectUri must use https'],
    // Plain http is for loopback only: a look-alike host name or another scheme is not loopback.
    [{ redirectUri: 'http://localhost.example.com/callback' }, 'oauth.redirectUri must use https'],
    [{ redirectUri: 'ftp://localhost/callback' }, 'oauth.redirectUri must use https'],
    [{ signOutUri: 'http://app.example.com/bye' }, 'oauth.signOutUri must use https'],
    [{ scopes: [] }, 'oauth.scopes'],
    [{ scopes: 'openid' as unknown as string[] }, 'oauth.scopes'],
    [{ scopes: ['openid', 'email profile'] }, 'oauth.scopes'],
    [{ scopes: ['openid', 7 as unknown as string] }, 'oauth.scopes'],
    [{ responseType: 'token' as 'code' }, "oauth.responseType must be 'code'"],
  ])('refuses %o', (options, message) => {
    expect(() => hostedUiPort(options)).toThrow(expect.objectContaining({ code: 'invalidConfig', message: expect.stringContaining(message) }));
  });

  it.each([
    // Plain http for a loopback redirect and sign-out URI: a local authorization server in development.
    { redirectUri: 'http://localhost:5173/callback', signOutUri: 'http://localhost:5173/bye' },
    { redirectUri: 'http://127.0.0.1:5173/callback', signOutUri: 'http://127.0.0.1:5173/bye' },
    { redirectUri: 'http://[::1]:5173/callback', signOutUri: 'http://[::1]:5173/bye' },
    // The one flow it offers, named explicitly.
    { responseType: 'code' as const },
  ])('accepts %o', (options) => {
    expect(() => hostedUiPort(options)).not.toThrow();
  });
});

describe('hostedUi sign-out', () => {
  it('ends the hosted session only for the user who signed in through it, once, and only with a sign-out URL', () => {
    const { oauth, page } = hostedUiPort({ signOutUri: 'https://app.example.com/bye' });
    oauth.endHostedSession('someone', config);
    oauth.rememberHostedSignIn('alice', config);
    oauth.endHostedSession('bob', config);
    expect(page.visited).toEqual([]);
    oauth.endHostedSession('alice', config);
    oauth.endHostedSession('alice', config);
    expect(page.visited).toEqual([`${DOMAIN}/logout?client_id=${TEST_POOL.clientId}&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye`]);

    const withoutUri = hostedUiPort();
    withoutUri.oauth.rememberHostedSignIn('alice', config);
    withoutUri.oauth.endHostedSession('alice', config);
    expect(withoutUri.page.visited).toEqual([]);
  });

  it('sends the redirect and sign-out URIs exactly as configured (Cognito compares them byte for byte)', async () => {
    const port = hostedUiPort({ redirectUri: 'https://app.example.com', signOutUri: 'https://app.example.com' });
    await startedRequest(port);
    port.oauth.rememberHostedSignIn('alice', config);
    port.oauth.endHostedSession('alice', config);
    const [authorize, logout] = port.page.visited.map((url) => new URL(url).searchParams);
    expect(authorize!.get('redirect_uri')).toBe('https://app.example.com');
    expect(logout!.get('logout_uri')).toBe('https://app.example.com');
  });

  it('keeps each app client’s pending request and sign-in marker apart', async () => {
    const other = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: 'otherclient000000000000001' });
    const port = hostedUiPort({ signOutUri: 'https://app.example.com/bye' });
    await startedRequest(port);
    port.oauth.rememberHostedSignIn('alice', config);
    port.oauth.endHostedSession('alice', other);
    expect(port.page.visited).toHaveLength(1);
    expect(port.pending.getItem(PENDING_KEY)).not.toBeNull();
  });

  it('forgets a request left pending (the user closed the provider’s page), its verifier with it', async () => {
    const port = hostedUiPort();
    await startedRequest(port);
    port.oauth.endHostedSession('alice', config);
    expect(port.pending.getItem(PENDING_KEY)).toBeNull();
  });

  it('never sends the user to /logout when the marker cannot be read', () => {
    const unreadable = { ...throwingStorage, setItem: () => undefined, removeItem: () => undefined };
    const { oauth, page } = hostedUiPort({ signOutUri: 'https://app.example.com/bye' }, { markerStorage: unreadable });
    oauth.endHostedSession('alice', config);
    expect(page.visited).toEqual([]);
  });

  it('never throws from the marker when storage throws; a request it cannot keep is storageUnavailable, and the browser stays', async () => {
    const { oauth, page } = hostedUiPort({}, { pendingStorage: throwingStorage, markerStorage: throwingStorage });
    expect(() => oauth.rememberHostedSignIn('alice', config)).not.toThrow();
    expect(() => oauth.endHostedSession('alice', config)).not.toThrow();
    expect(oauth.takeRedirectResponse(config)).toBeNull();
    const failure = await authErrorOf(oauth.startRedirect({}, config));
    expect(failure).toMatchObject({ code: 'storageUnavailable', message: expect.stringContaining('sessionStorage'), cause: { name: 'SecurityError' } });
    // Leaving without the verifier kept would only bring the user back to a return that must fail.
    expect(page.visited).toEqual([]);
  });
});
