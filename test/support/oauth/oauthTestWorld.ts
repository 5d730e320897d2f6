// The world around the managed-login port in unit tests: a page (address bar, navigation), this
// tab's storage, and a token endpoint. The endpoint is a fake answering in RFC 6749's shapes
// (§5.1, §5.2); test/integration/hostedUi.test.ts runs the flow against oidc-provider.
import { AuthError, memoryStorage, resolveConfig } from '../../../machines/index.js';
import { hostedUi, type HostedUiEnvironment, type HostedUiOptions } from '../../../machines/oauth/index.js';
import type { PendingRequest } from '../../../machines/oauth/pendingRequest.js';
import { makeJwt, TEST_POOL } from '../fakeTokens.js';

export const DOMAIN = 'https://demo.auth.us-east-1.amazoncognito.com';
export const CALLBACK = 'https://app.example.com/callback';
export const PENDING_KEY = `authchart:oauth:${TEST_POOL.clientId}:pending`;
export const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
export const clock = { now: () => 1_700_000_000_000 };

/** A hostedUi port on a fake page: `page.href` is the address bar, `page.visited` where it navigated. */
export function hostedUiPort(options: Partial<HostedUiOptions> = {}, environment: HostedUiEnvironment = {}) {
  const page = { href: 'https://app.example.com/', visited: [] as string[] };
  const pending = memoryStorage('session');
  const markers = memoryStorage();
  const oauth = hostedUi(
    { domain: DOMAIN, redirectUri: CALLBACK, ...options },
    {
      location: { get href() { return page.href; }, assign: (url) => page.visited.push(url) },
      history: { state: null, replaceState: (_data, _unused, url) => void (page.href = String(url)) },
      pendingStorage: pending,
      markerStorage: markers,
      ...environment,
    },
  );
  return { oauth, page, pending, markers };
}

/** Starts a redirect and gives back the request kept in this tab for the return. */
export async function startedRequest(port: ReturnType<typeof hostedUiPort>, redirect = {}): Promise<PendingRequest> {
  await port.oauth.startRedirect(redirect, config);
  return JSON.parse(port.pending.getItem(PENDING_KEY)!) as PendingRequest;
}

export function jsonResponse(status: number, body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json' } });
}

/**
 * /oauth2/token issuing tokens at `clock`'s time. Set `idClaims.nonce` to the started request's
 * nonce for an answer to it; `forms` records each request's form.
 */
export function fakeTokenEndpoint() {
  const endpoint = {
    idClaims: {} as Record<string, unknown>,
    lifetimeSeconds: 3600,
    forms: [] as URLSearchParams[],
    fetch: async (_input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      endpoint.forms.push(new URLSearchParams(String(init?.body)));
      const iat = Math.floor(clock.now() / 1000);
      const common = { sub: 'user-1', iss: TEST_POOL.issuer, iat, exp: iat + endpoint.lifetimeSeconds, auth_time: iat };
      return jsonResponse(200, {
        id_token: makeJwt({ ...common, token_use: 'id', aud: TEST_POOL.clientId, ...endpoint.idClaims }),
        access_token: makeJwt({ ...common, token_use: 'access', client_id: TEST_POOL.clientId }),
        refresh_token: 'refresh-token',
      });
    },
  };
  return endpoint;
}

/** The AuthError `promise` rejects with; anything else (or no rejection) fails the test. */
export async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  const outcome: unknown = await promise.catch((thrown: unknown) => thrown);
  if (!(outcome instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(outcome)}`);
  return outcome;
}
