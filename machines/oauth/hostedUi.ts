import type { Clock } from '../AuthPorts.js';
import { AuthError, toAuthError } from '../AuthError.js';
import type { ResolvedAuthConfig } from '../ResolvedAuthConfig.js';
import { createSession } from '../tokens/createSession.js';
import { isExpired } from '../tokens/Session.js';
import type { TokenStorage } from '../storage/TokenStorage.js';
import type { OAuthPort, RedirectOptions, RedirectResponse, RedirectResult } from './OAuthPort.js';
import { exchangeCode } from './exchangeCode.js';
import { forgetPendingRequest, keepPendingRequest, takePendingRequest } from './pendingRequest.js';
import { codeChallengeS256, randomToken } from './pkce.js';

export interface HostedUiOptions {
  /** The pool's managed-login domain: `https://<prefix>.auth.<region>.amazoncognito.com`, or a custom domain. */
  domain: string;
  /** Where the authorization server sends the browser back: one of the app client's callback URLs. */
  redirectUri: string;
  /** One of the app client's sign-out URLs; without it, sign-out ends only authchart's session. */
  signOutUri?: string;
  /** Default `openid email profile`; add `aws.cognito.signin.user.admin` for the account settings. */
  scopes?: string[];
  /** The authorization-code flow with PKCE is the only one offered (the implicit flow is unsafe). */
  responseType?: 'code';
}

/** The browser's parts, replaceable for tests and other hosts. */
export interface HostedUiEnvironment {
  location?: { readonly href: string; assign(url: string): void };
  history?: Pick<History, 'replaceState' | 'state'>;
  /** Where the pending request waits for the return: default `sessionStorage` (this tab only). */
  pendingStorage?: Pick<TokenStorage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where a managed-login sign-in is remembered for the sign-out: default `localStorage`. */
  markerStorage?: Pick<TokenStorage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch?: typeof globalThis.fetch;
}

const DEFAULT_SCOPES = ['openid', 'email', 'profile'];
/** The query parameters of a redirect response: removed from the address bar once read. */
const RESPONSE_PARAMS = ['code', 'state', 'error', 'error_description', 'iss'];

/**
 * Managed login (Cognito's hosted UI) with the authorization-code flow and PKCE, for
 * `createAuth({ oauth: hostedUi({ domain, redirectUri }) })`. Social, SAML and OIDC providers
 * of the pool sign in through it; the session that follows is the same as any other.
 */
export function hostedUi(options: HostedUiOptions, environment: HostedUiEnvironment = {}): OAuthPort {
  const domain = checkedOrigin(options.domain, 'oauth.domain');
  const redirectUri = checkedUrl(options.redirectUri, 'oauth.redirectUri');
  const signOutUri = options.signOutUri === undefined ? undefined : checkedUrl(options.signOutUri, 'oauth.signOutUri');
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((scope) => typeof scope === 'string' && /^\S+$/.test(scope))) {
    throw new AuthError('invalidConfig', 'oauth.scopes must be a list of scope names, e.g. ["openid", "email"].');
  }
  if (options.responseType !== undefined && options.responseType !== 'code') {
    throw new AuthError('invalidConfig', "oauth.responseType must be 'code' (the authorization-code flow with PKCE).");
  }
  const location = () => environment.location ?? globalThis.location;
  const history = () => environment.history ?? globalThis.history;
  const pending = () => environment.pendingStorage ?? globalThis.sessionStorage;
  const markers = () => environment.markerStorage ?? globalThis.localStorage;
  const fetch = (input: string, init: RequestInit) => (environment.fetch ?? globalThis.fetch)(input, init);
  const markerKey = (config: ResolvedAuthConfig) => `authchart:oauth:${config.clientId}:hostedSignIn`;
  /**
   * Web Storage may throw (blocked site data, a full quota). The marker only decides whether
   * sign-out also ends the hosted session, so a failure there must never stop the chart.
   */
  const quietly = (step: () => void) => {
    try {
      step();
    } catch {
      // Without the marker, sign-out ends only authchart's session.
    }
  };

  return {
    takeRedirectResponse(config) {
      const current = location()?.href;
      const url = current ? new URL(current) : null;
      const response = url ? readResponse(url, redirectUri) : null;
      if (!url || !response) {
        quietly(() => forgetPendingRequest(pending(), config.clientId));
        return null;
      }
      for (const name of RESPONSE_PARAMS) url.searchParams.delete(name);
      history()?.replaceState(history()?.state, '', url.toString());
      return response;
    },

    async startRedirect(redirect: RedirectOptions, config: ResolvedAuthConfig) {
      const request = { state: randomToken(), nonce: randomToken(), verifier: randomToken(), redirectUri, customState: redirect.customState ?? null };
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state: request.state,
        nonce: request.nonce,
        code_challenge: await codeChallengeS256(request.verifier),
        code_challenge_method: 'S256',
      });
      if (redirect.provider) query.set('identity_provider', redirect.provider);
      if (redirect.loginHint) query.set('login_hint', redirect.loginHint);
      try {
        keepPendingRequest(pending(), config.clientId, request);
      } catch (cause) {
        throw new AuthError('storageUnavailable', 'This browser does not let the app keep the sign-in request (sessionStorage).', { cause });
      }
      location().assign(`${domain}/oauth2/authorize?${query.toString()}`);
    },

    async completeRedirect(response: RedirectResponse, config: ResolvedAuthConfig, clock, signal: AbortSignal) {
      try {
        return await finishSignIn(response, config, clock, signal);
      } catch (error) {
        // The pending request is spent and a code is good once: whatever failed, the user starts
        // again. Declined stays apart (the user chose it); the rest says what went wrong.
        const failure = toAuthError(error);
        if (failure.code === 'accessDenied' || failure.code === 'redirectFailed') throw failure;
        throw new AuthError('redirectFailed', `The sign-in could not be completed: ${failure.message}`, { cause: failure });
      }
    },

    rememberHostedSignIn(sub, config) {
      quietly(() => markers().setItem(markerKey(config), sub));
    },

    endHostedSession(sub, config) {
      // A sign-in that began here but never came back (the user closed the provider's page).
      quietly(() => forgetPendingRequest(pending(), config.clientId));
      let hosted = false;
      quietly(() => {
        hosted = markers().getItem(markerKey(config)) === sub;
        if (hosted) markers().removeItem(markerKey(config));
      });
      if (!hosted || !signOutUri) return;
      const query = new URLSearchParams({ client_id: config.clientId, logout_uri: signOutUri });
      location().assign(`${domain}/logout?${query.toString()}`);
    },
  };

  /** Checks the answer against this tab's pending request (spent as it is read), exchanges the code, checks the tokens. */
  async function finishSignIn(response: RedirectResponse, config: ResolvedAuthConfig, clock: Clock, signal: AbortSignal): Promise<RedirectResult> {
    const request = takePendingRequest(pending(), config.clientId);
    if (!request) {
      throw new AuthError('redirectFailed', 'This sign-in did not start in this tab, or its data was cleared; please sign in again.');
    }
    if (response.state !== request.state) {
      throw new AuthError('redirectFailed', 'The sign-in came back with a state this tab did not send; please sign in again.');
    }
    if (response.kind === 'error') {
      const said = response.description ? `: ${response.description}` : '';
      if (response.error === 'access_denied') throw new AuthError('accessDenied', `The sign-in was declined${said}.`);
      throw new AuthError('redirectFailed', `The sign-in page answered ${response.error}${said}.`);
    }
    // The drift estimate needs the time the request left (createSession's doc), not its answer's.
    const sentAt = clock.now();
    // A token endpoint that never answers must not hold the chart in handlingRedirect. A timer,
    // not AbortSignal.timeout: AbortSignal.any holds its sources weakly, and Node drops an
    // unreferenced timeout signal at the next garbage collection, so the exchange would wait forever.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('The token endpoint did not answer in time.', 'TimeoutError')),
      config.requestTimeoutMs,
    );
    let tokens: Awaited<ReturnType<typeof exchangeCode>>;
    try {
      tokens = await exchangeCode(fetch, {
        tokenUrl: `${domain}/oauth2/token`,
        clientId: config.clientId,
        code: response.code,
        redirectUri: request.redirectUri,
        verifier: request.verifier,
        signal: AbortSignal.any([signal, timeout.signal]),
      });
    } finally {
      clearTimeout(timer);
    }
    const session = createSession(tokens, config, sentAt);
    if (session.idClaims['nonce'] !== request.nonce) {
      throw new AuthError('invalidToken', 'The ID token does not answer this sign-in (its nonce differs).');
    }
    if (isExpired(session, clock.now())) throw new AuthError('invalidToken', 'The tokens had expired on arrival.');
    return { session, customState: request.customState };
  }
}

/** A redirect response, if `url` is the redirect URI with `code` or `error` in its query. */
function readResponse(url: URL, redirectUri: string): RedirectResponse | null {
  const expected = new URL(redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return null;
  const params = url.searchParams;
  const state = params.get('state');
  const code = params.get('code');
  const error = params.get('error');
  if (error) return { kind: 'error', error, description: params.get('error_description'), state };
  if (code && state) return { kind: 'code', code, state };
  if (code) return { kind: 'error', error: 'invalid_request', description: 'the answer carried no state', state: null };
  return null;
}

/** An http(s) URL; plain http only for loopback (a local authorization server in development). */
/** Checks the URL; returns it as given (Cognito compares callback and sign-out URLs byte for byte). */
function checkedUrl(value: unknown, name: string): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new AuthError('invalidConfig', `${name} must be an absolute URL.`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AuthError('invalidConfig', `${name} must use https (plain http only for loopback).`);
  }
  return String(value);
}

function checkedOrigin(value: unknown, name: string): string {
  const url = new URL(checkedUrl(value, name));
  if (url.pathname !== '/' || url.search || url.hash) throw new AuthError('invalidConfig', `${name} must be an origin, without a path.`);
  return url.origin;
}
