import { describe, expect, it } from 'vitest';
import { exchangeCode, type CodeExchange } from '../../../machines/oauth/exchangeCode.js';
import { authErrorOf, jsonResponse } from '../../support/oauth/oauthTestWorld.js';

// RFC 6749 §4.1.3 (the token request) and §5.2 (its error answer), with RFC 7636's verifier:
// the token endpoint's side here is a fake that answers in those shapes. Messages are checked
// whole: a failure must say what the user does next, and never carry the code or verifier.
const exchange: CodeExchange = {
  tokenUrl: 'https://demo.auth.us-east-1.amazoncognito.com/oauth2/token',
  clientId: 'client-1',
  code: 'the-code',
  redirectUri: 'https://app.example.com/callback',
  verifier: 'the-verifier',
  signal: new AbortController().signal,
};

const answering = (status: number, body: unknown) => async () => jsonResponse(status, body);

describe('exchangeCode (the authorization code for tokens)', () => {
  it('POSTs the form of RFC 6749 §4.1.3 with the PKCE verifier, and no client secret', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const tokens = await exchangeCode(async (url, init) => {
      seen.push({ url, init });
      return jsonResponse(200, { id_token: 'id', access_token: 'access', refresh_token: 'refresh', token_type: 'Bearer', expires_in: 3600 });
    }, exchange);
    expect(tokens).toEqual({ idToken: 'id', accessToken: 'access', refreshToken: 'refresh' });
    expect(seen).toHaveLength(1);
    const { url, init } = seen[0]!;
    expect(url).toBe(exchange.tokenUrl);
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(init.signal).toBe(exchange.signal);
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client-1',
      code: 'the-code',
      redirect_uri: 'https://app.example.com/callback',
      code_verifier: 'the-verifier',
    });
  });

  it('no answer at all is a retryable network error that keeps its cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await authErrorOf(
      exchangeCode(async () => {
        throw cause;
      }, exchange),
    );
    expect(error).toMatchObject({ code: 'network', retryable: true, message: 'Could not reach the sign-in service; check the connection.' });
    expect(error.cause).toBe(cause);
  });

  it.each([
    ['a spent or expired code asks the user to sign in again', 400, { error: 'invalid_grant' }, 'The sign-in code was already used or has expired; please sign in again.'],
    ['another refusal names the OAuth error', 401, { error: 'invalid_client', error_description: 'no such client' }, 'The token endpoint refused the sign-in code (invalid_client).'],
    ['a body that is not JSON names the HTTP status', 502, '<html>Bad gateway</html>', 'The token endpoint refused the sign-in code (HTTP 502).'],
    ['an error that is not a string names the HTTP status', 400, { error: 42 }, 'The token endpoint refused the sign-in code (HTTP 400).'],
  ])('%s (redirectFailed)', async (_what, status, body, message) => {
    const error = await authErrorOf(exchangeCode(answering(status, body), exchange));
    expect(error).toMatchObject({ code: 'redirectFailed', retryable: false, status, message });
  });

  it.each([
    ['without the ID token', { access_token: 'a', refresh_token: 'r' }],
    ['without the access token', { id_token: 'i', refresh_token: 'r' }],
    ['without the refresh token', { id_token: 'i', access_token: 'a' }],
    ['with a refresh token that is not a string', { id_token: 'i', access_token: 'a', refresh_token: 7 }],
    ['that is not JSON', 'not json'],
  ])('a 200 answer %s is invalidResponse', async (_what, body) => {
    const error = await authErrorOf(exchangeCode(answering(200, body), exchange));
    expect(error).toMatchObject({ code: 'invalidResponse', message: 'The token endpoint answered without an ID, access and refresh token.' });
  });
});
