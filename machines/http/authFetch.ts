import { waitFor } from 'xstate';
import type { AuthActor } from '../authMachine.js';
import type { Clock } from '../AuthPorts.js';
import { awaitUsableSession } from '../awaitUsableSession.js';
import { tokenIdOf, type Session } from '../tokens/Session.js';

export interface AuthFetchOptions {
  actor: AuthActor;
  clock: Clock;
  fetch: typeof globalThis.fetch;
  /** Exact origins (`https://api.example.com`) whose requests carry the token. */
  apiOrigins: ReadonlySet<string>;
  /** `id` for API Gateway's Cognito authorizer; `access` for APIs that check scopes. */
  token: 'id' | 'access';
  /** `Authorization: Bearer <token>` instead of the raw token. */
  bearer: boolean;
  /** Resolves relative URLs; the page's location in a browser. */
  baseUrl: string | undefined;
}

export type AuthFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * `fetch` that carries the session's token to the API origins, waits for a refresh in flight,
 * refreshes first when the token is about to expire, and after a 401 refreshes once (shared by
 * every concurrent 401) and replays the request once.
 */
export function createAuthFetch(options: AuthFetchOptions): AuthFetch {
  const { actor, clock, apiOrigins } = options;

  const tokenOf = (session: Session) => (options.token === 'id' ? session.tokens.idToken : session.tokens.accessToken);
  const tokenIdUsed = (session: Session) => tokenIdOf(options.token === 'id' ? session.idClaims : session.accessClaims);

  const usableSession = (signal: AbortSignal, refreshIfDue: boolean) =>
    awaitUsableSession(actor, clock, { signal, refreshIfDue });

  function authorize(request: Request, session: Session): Request {
    const headers = new Headers(request.headers);
    headers.set('Authorization', options.bearer ? `Bearer ${tokenOf(session)}` : tokenOf(session));
    return new Request(request, { headers });
  }

  return async function authFetch(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), options.baseUrl);
    if (!apiOrigins.has(url.origin)) return options.fetch(input, init);

    const request = new Request(input instanceof Request ? input : url, init);
    const signal = request.signal;
    const session = await usableSession(signal, true);
    // Cloned before sending, since sending consumes the body. A caller's stream is not teed:
    // it may be large or endless, so such a request is sent once and its 401 returned. A
    // Request's body is a stream whatever it was made from, so there is no telling: a Request
    // given as input is cloned (libraries such as ky send every body that way).
    const replay = init?.body instanceof ReadableStream ? null : request.clone();
    const first = await options.fetch(authorize(request, session));
    if (first.status !== 401) return first;

    // Refresh even when this request cannot be replayed, so that the next one can succeed.
    // An account request in flight (a password change…) finishes first: the machine refreshes
    // only from a quiet state, so the event must not arrive while one is busy.
    const rejected = tokenIdUsed(session);
    try {
      // Checked again right before sending: a request may have started since waitFor resolved.
      while (actor.getSnapshot().hasTag('busy')) await waitFor(actor, (s) => !s.hasTag('busy'), { signal });
    } catch (error) {
      await first.body?.cancel();
      throw error;
    }
    actor.send({ type: 'TOKEN_REJECTED', tokenId: rejected });
    if (!replay) return first;
    let fresh: Session;
    try {
      fresh = await usableSession(signal, false);
    } catch (error) {
      if (!signal.aborted) return first;
      await first.body?.cancel();
      throw error;
    }
    if (tokenIdUsed(fresh) === rejected) return first;
    await first.body?.cancel();
    const second = await options.fetch(authorize(replay, fresh));
    if (second.status === 401) actor.send({ type: 'SESSION_REVOKED', tokenId: tokenIdUsed(fresh) });
    return second;
  };
}
