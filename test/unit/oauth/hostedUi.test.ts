import { describe, expect, it } from 'vitest';
import { memoryStorage, resolveConfig } from '../../../machines/index.js';
import { hostedUi } from '../../../machines/oauth/index.js';
import { TEST_POOL } from '../../support/fakeTokens.js';

const DOMAIN = 'https://demo.auth.us-east-1.amazoncognito.com';
const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });

function port(href: string, options: Partial<Parameters<typeof hostedUi>[0]> = {}) {
  const page = { href, visited: [] as string[] };
  const pending = memoryStorage('session');
  const oauth = hostedUi(
    { domain: DOMAIN, redirectUri: 'https://app.example.com/callback', ...options },
    {
      location: { get href() { return page.href; }, assign: (url) => page.visited.push(url) },
      history: { state: null, replaceState: (_data, _unused, url) => void (page.href = String(url)) },
      pendingStorage: pending,
      markerStorage: memoryStorage(),
    },
  );
  return { oauth, page, pending };
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
    expect(port('https://app.example.com/other?code=x&state=y').oauth.takeRedirectResponse()).toBeNull();
    const { oauth, page } = port('https://app.example.com/callback?code=abc&state=xyz&keep=1#top');
    expect(oauth.takeRedirectResponse()).toEqual({ kind: 'code', code: 'abc', state: 'xyz' });
    expect(page.href).toBe('https://app.example.com/callback?keep=1#top');
  });

  it('reads the provider’s refusal, and a code without state as an error', () => {
    const refused = port('https://app.example.com/callback?error=access_denied&error_description=No+thanks&state=s');
    expect(refused.oauth.takeRedirectResponse()).toEqual({ kind: 'error', error: 'access_denied', description: 'No thanks', state: 's' });
    const stateless = port('https://app.example.com/callback?code=abc');
    expect(stateless.oauth.takeRedirectResponse()).toMatchObject({ kind: 'error', error: 'invalid_request', state: null });
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
});
