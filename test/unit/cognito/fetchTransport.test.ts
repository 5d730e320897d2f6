import { describe, expect, it } from 'vitest';
import { AuthError, fetchTransport } from '../../../machines/index.js';
import { recordWireRequest } from '../../support/wire/recordWireRequest.js';

interface Captured {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: () => Response | Promise<Response>) {
  const captured: Captured[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    captured.push({ url: String(url), init: init ?? {} });
    const target = (init?.headers as Record<string, string>)['X-Amz-Target']!;
    recordWireRequest('fetchTransport', target.replace('AWSCognitoIdentityProviderService.', ''), JSON.parse(String(init?.body)));
    return respond();
  };
  return { fetch: fetch as typeof globalThis.fetch, captured };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers } });
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('expected the call to fail');
}

const signIn = {
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: 'client',
  AuthParameters: { USERNAME: 'demo', PASSWORD: 'pw' },
} as const;

describe('fetchTransport', () => {
  it('POSTs Cognito JSON to the regional endpoint', async () => {
    const { fetch, captured } = fakeFetch(() => json(200, { AuthenticationResult: { IdToken: 'x' } }));
    const output = await fetchTransport({ region: 'eu-west-1', fetch }).call('InitiateAuth', signIn);
    expect(output.AuthenticationResult?.IdToken).toBe('x');
    const [request] = captured;
    expect(request!.url).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(request!.init.method).toBe('POST');
    expect(request!.init.headers).toEqual({
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    });
    expect(request!.init.credentials).toBe('omit');
    expect(JSON.parse(String(request!.init.body))).toEqual(signIn);
  });

  it('uses the endpoint override', async () => {
    const { fetch, captured } = fakeFetch(() => json(200, {}));
    await fetchTransport({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1234', fetch }).call('RevokeToken', {
      Token: 't',
      ClientId: 'c',
    });
    expect(captured[0]!.url).toBe('http://127.0.0.1:1234');
    expect((captured[0]!.init.headers as Record<string, string>)['X-Amz-Target']).toBe(
      'AWSCognitoIdentityProviderService.RevokeToken',
    );
  });

  it('maps NotAuthorized on sign-in to invalidCredentials, on refresh to refreshRejected', async () => {
    const { fetch } = fakeFetch(() => json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }));
    const transport = fetchTransport({ region: 'us-east-1', fetch });
    const onSignIn = await failure(transport.call('InitiateAuth', signIn));
    expect(onSignIn).toMatchObject({ code: 'invalidCredentials', retryable: false, cognitoName: 'NotAuthorizedException', status: 400 });
    const onRefresh = await failure(
      transport.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'r' } }),
    );
    expect(onRefresh.code).toBe('refreshRejected');
  });

  it('reads namespaced error types and the x-amzn-errortype header', async () => {
    const namespaced = fakeFetch(() => json(400, { __type: 'com.amazonaws.cognito#UserNotConfirmedException', message: 'x' }));
    expect((await failure(fetchTransport({ region: 'us-east-1', fetch: namespaced.fetch }).call('InitiateAuth', signIn))).code).toBe(
      'userNotConfirmed',
    );
    const header = fakeFetch(() => json(400, {}, { 'x-amzn-errortype': 'TooManyRequestsException:http://internal.amazon.com/' }));
    const throttled = await failure(fetchTransport({ region: 'us-east-1', fetch: header.fetch }).call('InitiateAuth', signIn));
    expect(throttled).toMatchObject({ code: 'tooManyRequests', retryable: true });
  });

  it('treats 5xx without a known type, even with an HTML body, as retryable', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failure(fetchTransport({ region: 'us-east-1', fetch }).call('InitiateAuth', signIn));
    expect(error).toMatchObject({ code: 'serviceUnavailable', retryable: true, status: 502 });
  });

  it('reads a body as JSON only when it is JSON, and says what came back otherwise, never the body', async () => {
    const secret = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    const page = fakeFetch(() => new Response(`<html>${secret}</html>`, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const error = await failure(fetchTransport({ region: 'us-east-1', fetch: page.fetch }).call('GetTokensFromRefreshToken', { RefreshToken: 'r', ClientId: 'c' }));
    expect(error).toMatchObject({ code: 'serviceUnavailable', retryable: true, status: 500, cognitoName: 'HTTP500' });
    expect(error.message).toContain('HTTP 500 with text/html, not JSON');
    expect(JSON.stringify(error) + error.message).not.toContain(secret);

    const portal = fakeFetch(() => new Response('<html>Sign in to the Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const captive = await failure(fetchTransport({ region: 'us-east-1', fetch: portal.fetch }).call('InitiateAuth', signIn));
    expect(captive).toMatchObject({ code: 'network', retryable: true, status: 200 });
    expect(captive.message).toContain('HTTP 200 with text/html');

    const broken = fakeFetch(() => new Response('{"AuthenticationResult":', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } }));
    const truncated = await failure(fetchTransport({ region: 'us-east-1', fetch: broken.fetch }).call('InitiateAuth', signIn));
    expect(truncated.message).toContain('not valid JSON');
  });

  it("maps cognito-local's Unsupported to unsupportedOperation", async () => {
    const { fetch } = fakeFetch(() => json(500, { __type: 'CognitoLocal#Unsupported', message: 'Cognito Local unsupported feature' }));
    const error = await failure(fetchTransport({ region: 'us-east-1', fetch }).call('GlobalSignOut', { AccessToken: 'a' }));
    // The namespaced name is kept whole: 'Unsupported' alone would not say it was the emulator.
    expect(error).toMatchObject({ code: 'unsupportedOperation', cognitoName: 'CognitoLocal#Unsupported' });
  });

  it('reports a request without an answer as a retryable network error', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(fetchTransport({ region: 'us-east-1', fetch }).call('InitiateAuth', signIn));
    expect(error).toMatchObject({ code: 'network', retryable: true, operation: 'InitiateAuth', message: expect.stringContaining('check the connection') });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('never echoes a token from an error message', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    const { fetch } = fakeFetch(() => json(400, { __type: 'SomethingOddException', message: `bad token ${token}` }));
    const error = await failure(fetchTransport({ region: 'us-east-1', fetch }).call('InitiateAuth', signIn));
    expect(error.code).toBe('unknown');
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });
});
