import { waitFor } from 'xstate';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { AuthError, createAuth, type Auth, type AuthConfig } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';
import { topState } from '../../support/topState.js';

const API = 'https://api.example.com';

interface Sent {
  url: string;
  method: string;
  authorization: string | null;
  body: string;
}

/** The API side: records what arrives and answers with the handler's status. */
function fakeApi(status: (sent: Sent, index: number) => number = () => 200) {
  const sent: Sent[] = [];
  /** What the API answered, to see whether auth.fetch let a body go it did not return. */
  const answered: Response[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const record = {
      url: request.url,
      method: request.method,
      authorization: request.headers.get('Authorization'),
      body: await request.text(),
    };
    sent.push(record);
    const response = new Response(JSON.stringify({ ok: true }), { status: status(record, sent.length - 1) });
    answered.push(response);
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, answered };
}

let now = Date.now();
afterEach(() => {
  now = Date.now();
});

const signedIn = (api: ReturnType<typeof fakeApi>, config: Partial<AuthConfig> = {}) =>
  signedInAuth({ now: () => now, config: { fetch: api.fetch, apiOrigins: [API], ...config } });

describe('auth.fetch', () => {
  it('sends the raw ID token to an API origin, as API Gateway expects', async () => {
    const api = fakeApi();
    const { auth } = await signedIn(api);
    const response = await auth.fetch(`${API}/notes`);
    expect(response.status).toBe(200);
    expect(api.sent[0]!.authorization).toBe(auth.actor.getSnapshot().context.session!.tokens.idToken);
  });

  it('sends no token to any other origin', async () => {
    const api = fakeApi();
    const { auth } = await signedIn(api);
    await auth.fetch('https://elsewhere.example.com/collect', { headers: { 'X-Trace': '1' } });
    await auth.fetch('https://api.example.com.evil.example/notes');
    await auth.fetch('http://api.example.com/notes');
    expect(api.sent.map((sent) => sent.authorization)).toEqual([null, null, null]);
  });

  it('can send the access token as a Bearer token', async () => {
    const api = fakeApi();
    const { auth } = await signedIn(api, { apiToken: 'access', bearer: true });
    await auth.fetch(`${API}/notes`);
    const { accessToken } = auth.actor.getSnapshot().context.session!.tokens;
    expect(api.sent[0]!.authorization).toBe(`Bearer ${accessToken}`);
  });

  it('fails fast with notSignedIn, without touching the network', async () => {
    const api = fakeApi();
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: TEST_POOL.userPoolId,
      clientId: TEST_POOL.clientId,
      storage: 'memory',
      transport: new FakeCognito(),
      fetch: api.fetch,
      apiOrigins: [API],
    });
    onTestFinished(() => auth.stop());
    await expect(auth.fetch(`${API}/notes`)).rejects.toMatchObject({ code: 'notSignedIn', message: 'Sign in to call this API.' });
    expect(api.sent).toEqual([]);
  });

  it('refreshes first when the token is within the lead window (a frozen timer)', async () => {
    const api = fakeApi();
    const { auth, refreshes } = await signedIn(api);
    const before = auth.actor.getSnapshot().context.session!.tokens.idToken;
    now += 3600_000 - 30_000; // 30 s before expiry; the lead is 60 s
    await auth.fetch(`${API}/notes`);
    expect(refreshes()).toBe(1);
    expect(api.sent[0]!.authorization).not.toBe(before);
  });

  it('after a 401 refreshes once and replays the request, body included', async () => {
    const api = fakeApi((_, index) => (index === 0 ? 401 : 200));
    const { auth, refreshes } = await signedIn(api);
    const response = await auth.fetch(`${API}/notes`, { method: 'POST', body: JSON.stringify({ text: 'hi' }) });
    expect(response.status).toBe(200);
    expect(refreshes()).toBe(1);
    expect(api.sent.map((sent) => [sent.method, sent.body])).toEqual([
      ['POST', '{"text":"hi"}'],
      ['POST', '{"text":"hi"}'],
    ]);
    expect(api.sent[1]!.authorization).not.toBe(api.sent[0]!.authorization);
  });

  it('shares one refresh among concurrent 401s', async () => {
    const firstToken: { value?: string } = {};
    const api = fakeApi((sent) => {
      firstToken.value ??= sent.authorization!;
      return sent.authorization === firstToken.value ? 401 : 200;
    });
    const { auth, refreshes } = await signedIn(api);
    const responses = await Promise.all(Array.from({ length: 20 }, () => auth.fetch(`${API}/notes`)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(refreshes()).toBe(1);
  });

  it('treats a 401 to fresh tokens as revocation: expired, reason revoked, no loop', async () => {
    const api = fakeApi(() => 401);
    const { auth, refreshes } = await signedIn(api);
    const response = await auth.fetch(`${API}/notes`);
    expect(response.status).toBe(401);
    expect(api.sent).toHaveLength(2);
    expect(refreshes()).toBe(1);
    const snapshot = auth.actor.getSnapshot();
    expect(topState(snapshot)).toBe('expired');
    expect(snapshot.context.endReason).toBe('revoked');
    expect(snapshot.context.error).toMatchObject({ code: 'sessionRevoked', message: 'The API no longer accepts this session; please sign in again.' });
    await expect(auth.fetch(`${API}/notes`)).rejects.toMatchObject({ code: 'sessionExpired', message: 'The session has expired; please sign in again.' });
    expect(api.sent).toHaveLength(2);
  });

  it('does not replay a streamed body, returns the 401 and still refreshes', async () => {
    const api = fakeApi(() => 401);
    const { auth, refreshes } = await signedIn(api);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk'));
        controller.close();
      },
    });
    const response = await auth.fetch(`${API}/upload`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(401);
    expect(api.sent).toHaveLength(1);
    await waitFor(auth.actor, (s) => s.matches('signedIn'));
    expect(refreshes()).toBe(1);
  });

  // Whoever started the refresh: another caller, this call (the token due), or the API's 401.
  it.each([
    { refresh: 'already in flight', first: 200, before: (auth: Auth) => auth.actor.send({ type: 'REFRESH' }) },
    { refresh: 'started because the token is due', first: 200, before: () => void (now += 3600_000 - 30_000) },
    { refresh: 'started after a 401', first: 401, before: () => {} },
  ])('honours AbortSignal while waiting for a refresh $refresh, leaving the machine consistent', async ({ first, before }) => {
    const api = fakeApi((_, index) => (index === 0 ? first : 200));
    const { auth, cognito, answer } = await signedIn(api);
    let finishRefresh: (value: ReturnType<typeof answer>) => void = () => {};
    cognito.on('InitiateAuth', () => new Promise((resolve) => (finishRefresh = resolve)));
    before(auth);
    const controller = new AbortController();
    const pending = auth.fetch(`${API}/notes`, { signal: controller.signal });
    await waitFor(auth.actor, (s) => s.matches('refreshing'));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(api.sent).toHaveLength(first === 401 ? 1 : 0);
    // The 401 the caller never sees is let go (cancelled), not left holding its connection.
    expect(api.answered.map((response) => response.bodyUsed)).toEqual(first === 401 ? [true] : []);
    expect(auth.actor.getSnapshot().matches('refreshing')).toBe(true);
    finishRefresh(answer());
    await waitFor(auth.actor, (s) => s.matches('signedIn'));
    expect((await auth.fetch(`${API}/notes`)).status).toBe(200);
  });

  it('refuses plain http API origins other than loopback', () => {
    const config = { userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory' as const };
    expect(() => createAuth({ ...config, apiOrigins: ['http://api.example.com'] })).toThrow(AuthError);
    expect(() => createAuth({ ...config, apiOrigins: ['http://api.example.com'] })).toThrow(/https/);
    const loopback = createAuth({ ...config, apiOrigins: ['http://127.0.0.1:8080'] });
    loopback.stop();
  });
});
