import { describe, expect, it } from 'vitest';
import { memoryStorage, resolveConfig } from '../../../machines/index.js';
import { codeChallengeS256, hostedUi } from '../../../machines/oauth/index.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import {
  authErrorOf,
  CALLBACK,
  clock,
  config,
  DOMAIN,
  fakeTokenEndpoint,
  hostedUiPort,
  jsonResponse,
  PENDING_KEY,
  startedRequest,
} from '../../support/oauth/oauthTestWorld.js';

// The managed-login port's redirect, both ways: what the authorize request carries (Cognito's
// /oauth2/authorize reference), how a return is read from the address bar, and how it is refused
// or completed: state, then the code exchange with this tab's verifier, then the ID token's nonce.
// test/integration/hostedUi.test.ts runs the whole flow against oidc-provider.

const signal = new AbortController().signal;

describe('hostedUi authorize request', () => {
  it('carries exactly what Cognito’s /oauth2/authorize takes, PKCE S256 over the verifier kept in this tab', async () => {
    const port = hostedUiPort();
    const request = await startedRequest(port);
    const url = new URL(port.page.visited[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: TEST_POOL.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid email profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: await codeChallengeS256(request.verifier),
      code_challenge_method: 'S256',
    });
    expect(request.redirectUri).toBe(CALLBACK);
  });

  it('names the identity provider, login hint and scopes when asked; a new request replaces the pending one', async () => {
    const port = hostedUiPort({ scopes: ['openid', 'aws.cognito.signin.user.admin'] });
    await startedRequest(port, { provider: 'Google', loginHint: 'alice@example.com' });
    const second = await startedRequest(port);
    const [first, again] = port.page.visited.map((url) => new URL(url).searchParams);
    expect(first!.get('identity_provider')).toBe('Google');
    expect(first!.get('login_hint')).toBe('alice@example.com');
    expect(first!.get('scope')).toBe('openid aws.cognito.signin.user.admin');
    expect(again!.get('state')).not.toBe(first!.get('state'));
    expect(second.state).toBe(again!.get('state'));
  });
});

describe('hostedUi reading the return', () => {
  it.each([
    ['a code', '?code=abc&state=xyz', { kind: 'code', code: 'abc', state: 'xyz' }],
    // RFC 9207's `iss` comes with the answer: it goes with it.
    ['the provider’s refusal', '?error=access_denied&error_description=No+thanks&state=s&iss=x', { kind: 'error', error: 'access_denied', description: 'No thanks', state: 's' }],
    ['a code without state, as an error', '?code=abc', { kind: 'error', error: 'invalid_request', description: 'the answer carried no state', state: null }],
  ])('reads %s at the redirect URI and removes it from the address bar (a reload cannot replay it)', (_what, query, response) => {
    const { oauth, page } = hostedUiPort();
    page.href = `${CALLBACK}${query}&keep=1#top`;
    expect(oauth.takeRedirectResponse(config)).toEqual(response);
    expect(page.href).toBe(`${CALLBACK}?keep=1#top`);
  });

  it.each([
    ['another path', 'https://app.example.com/other?code=c&state=s'],
    ['another origin with the same path', 'https://evil.example.com/callback?code=c&state=s'],
  ])('leaves an answer at %s alone: it is not ours', (_what, href) => {
    const { oauth, page } = hostedUiPort();
    page.href = href;
    expect(oauth.takeRedirectResponse(config)).toBeNull();
    expect(page.href).toBe(href);
  });

  it('forgets a request left pending when the page loads without an answer (its verifier with it)', async () => {
    const port = hostedUiPort();
    await startedRequest(port);
    expect(port.oauth.takeRedirectResponse(config)).toBeNull();
    expect(port.pending.getItem(PENDING_KEY)).toBeNull();
  });

  it('reads the answer without a history to clean the address bar with', () => {
    const oauth = hostedUi(
      { domain: DOMAIN, redirectUri: CALLBACK },
      { location: { href: `${CALLBACK}?code=c&state=s`, assign: () => undefined }, pendingStorage: memoryStorage('session') },
    );
    expect(oauth.takeRedirectResponse(config)).toEqual({ kind: 'code', code: 'c', state: 's' });
  });

  it('finds no answer on a server (no location, history or Web Storage)', () => {
    expect(hostedUi({ domain: DOMAIN, redirectUri: CALLBACK }).takeRedirectResponse(config)).toBeNull();
  });
});

describe('hostedUi completing the return', () => {
  it('refuses a return this tab did not start as redirectFailed, saying so', async () => {
    const { oauth } = hostedUiPort();
    const error = await authErrorOf(oauth.completeRedirect({ kind: 'code', code: 'c', state: 's' }, config, clock, signal));
    expect(error).toMatchObject({ code: 'redirectFailed', message: 'This sign-in did not start in this tab, or its data was cleared; please sign in again.' });
    expect(error.cause).toBeUndefined();
  });

  it('refuses a return with another state as redirectFailed, and spends the pending request', async () => {
    const port = hostedUiPort();
    await startedRequest(port);
    const error = await authErrorOf(port.oauth.completeRedirect({ kind: 'code', code: 'c', state: 'forged' }, config, clock, signal));
    expect(error).toMatchObject({ code: 'redirectFailed', message: 'The sign-in came back with a state this tab did not send; please sign in again.' });
    expect(port.pending.getItem(PENDING_KEY)).toBeNull();
  });

  it.each([
    ['access_denied', 'User cancelled', { code: 'accessDenied', message: 'The sign-in was declined: User cancelled.' }],
    ['access_denied', null, { code: 'accessDenied', message: 'The sign-in was declined.' }],
    ['server_error', 'try later', { code: 'redirectFailed', message: 'The sign-in page answered server_error: try later.' }],
  ])('turns the provider’s %s (%s) into %o', async (error, description, expected) => {
    const port = hostedUiPort();
    const { state } = await startedRequest(port);
    const failure = await authErrorOf(port.oauth.completeRedirect({ kind: 'error', error, description, state }, config, clock, signal));
    expect(failure).toMatchObject(expected);
  });

  it('hands a code the token endpoint calls spent to the app as the endpoint’s own redirectFailed, not wrapped again', async () => {
    const spent = async () => jsonResponse(400, { error: 'invalid_grant' });
    const port = hostedUiPort({}, { fetch: spent });
    const { state } = await startedRequest(port);
    const error = await authErrorOf(port.oauth.completeRedirect({ kind: 'code', code: 'c', state }, config, clock, signal));
    expect(error).toMatchObject({ code: 'redirectFailed', status: 400, message: 'The sign-in code was already used or has expired; please sign in again.' });
    expect(error.cause).toBeUndefined();
  });

  it.each([
    ['an ID token with another nonce (an answer to another request)', { nonce: 'another' }, 3600, 'The ID token does not answer this sign-in (its nonce differs).'],
    // One second of life, all of it taken by createSession's drift allowance (up to 1 s).
    ['tokens already expired on arrival', {}, 1, 'The tokens had expired on arrival.'],
  ])('refuses %s, as redirectFailed saying why', async (_what, idClaims, lifetimeSeconds, why) => {
    const endpoint = fakeTokenEndpoint();
    const port = hostedUiPort({}, { fetch: endpoint.fetch });
    const request = await startedRequest(port);
    endpoint.idClaims = { nonce: request.nonce, ...idClaims };
    endpoint.lifetimeSeconds = lifetimeSeconds;
    const error = await authErrorOf(port.oauth.completeRedirect({ kind: 'code', code: 'c', state: request.state }, config, clock, signal));
    expect(error).toMatchObject({ code: 'redirectFailed', message: `The sign-in could not be completed: ${why}`, cause: { code: 'invalidToken' } });
  });

  const leftTheReturn = new DOMException('the chart left handlingRedirect', 'AbortError');
  it.each([
    ['the request timeout passes', resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, requestTimeoutSeconds: 0.2 }), signal, expect.objectContaining({ name: 'TimeoutError' })],
    ['the chart leaves the return', config, AbortSignal.abort(leftTheReturn), leftTheReturn],
  ])('stops waiting for a token endpoint that never answers when %s', async (_when, timedConfig, chartSignal, reason) => {
    const neverAnswers: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        const exchangeSignal = init!.signal!;
        if (exchangeSignal.aborted) reject(exchangeSignal.reason);
        exchangeSignal.addEventListener('abort', () => reject(exchangeSignal.reason));
      });
    const port = hostedUiPort({}, { fetch: neverAnswers });
    const { state } = await startedRequest(port);
    const error = await authErrorOf(port.oauth.completeRedirect({ kind: 'code', code: 'c', state }, timedConfig, clock, chartSignal));
    // What stopped the exchange: the timeout and the chart each abort with their own reason.
    expect(error).toMatchObject({ code: 'redirectFailed', cause: { code: 'network', cause: reason } });
  });

  it('exchanges the code with the verifier and redirect URI kept for it, and starts the session with the custom state', async () => {
    const endpoint = fakeTokenEndpoint();
    const port = hostedUiPort({}, { fetch: endpoint.fetch });
    const request = await startedRequest(port, { customState: '/orders' });
    endpoint.idClaims.nonce = request.nonce;
    const result = await port.oauth.completeRedirect({ kind: 'code', code: 'the-code', state: request.state }, config, clock, signal);
    expect(result.customState).toBe('/orders');
    expect(result.session.idClaims).toMatchObject({ sub: 'user-1', nonce: request.nonce });
    expect(endpoint.forms).toHaveLength(1);
    expect(endpoint.forms[0]!.get('code')).toBe('the-code');
    expect(endpoint.forms[0]!.get('code_verifier')).toBe(request.verifier);
    expect(endpoint.forms[0]!.get('redirect_uri')).toBe(CALLBACK);
  });
});
