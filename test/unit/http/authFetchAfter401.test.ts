import { createActor, fromPromise, toPromise, waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { authMachine, resolveConfig, memoryStorage, type RestoreResult } from '../../../machines/index.js';
import type { AuthMachineInput } from '../../../machines/AuthContext.js';
import { restoreSession } from '../../../machines/actors/restoreSession.js';
import { createAuthSteps } from '../../../machines/authSteps.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { createAuthFetch } from '../../../machines/http/authFetch.js';
import { noRefreshLock } from '../../../machines/tabs/RefreshLock.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

// What auth.fetch does after the API answers 401, in the cases the main suite does not reach: the
// chart busy with another tab's news at that moment, a refresh that fails. A caller who gives up
// during the refresh after a 401: in authFetch.test.ts.

const API = 'https://api.example.com';
const running: { stop(): void }[] = [];
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});

/** The API: answers each request with `status(index)`; a 401 has no body, as API Gateway's may. */
function fakeApi(
  status: (index: number) => number,
  beforeAnswer: (index: number) => void = () => {},
  body401: () => ReadableStream | null = () => null,
) {
  const sent: (string | null)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const index = sent.push(new Request(input, init).headers.get('Authorization')) - 1;
    beforeAnswer(index);
    const code = status(index);
    return new Response(code === 401 ? body401() : '{}', { status: code });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

const signedIn = (api: ReturnType<typeof fakeApi>) => signedInAuth({ config: { fetch: api.fetch, apiOrigins: [API] } });

/**
 * The real chart whose sync with another tab's news (the `syncing` state, busy) lasts until the
 * test lets it end: the restore itself is the real one. Nothing else is replaced.
 */
async function chartWithHeldSync(api: ReturnType<typeof fakeApi>) {
  let release: () => void = () => {};
  const held = fromPromise<RestoreResult, AuthMachineInput & { stored?: string }>(async ({ input }) => {
    if (input.stored !== undefined) await new Promise<void>((resolve) => (release = resolve));
    return toPromise(createActor(restoreSession, { input }).start());
  });
  let serial = 0;
  const cognito = new FakeCognito().on('InitiateAuth', () => {
    const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: ++serial });
    return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
  });
  const config = resolveConfig({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
  const storage = memoryStorage();
  const clock = { now: () => Date.now() };
  const actor = createActor(authMachine.provide({ actors: { restoreSession: held } }), {
    input: {
      config,
      ports: { transport: cognito, storage, clock, channel: null, lock: noRefreshLock, random: () => 0.5, wake: null, activity: null, oauth: null, choice: null, passkeys: null, devices: null },
    },
  });
  actor.start();
  running.push(actor);
  await waitFor(actor, (s) => s.matches('signedOut'));
  await createAuthSteps(actor).signIn({ username: 'demo', password: 'pw' });
  const authFetch = createAuthFetch({ actor, clock, fetch: api.fetch, apiOrigins: new Set([API]), token: 'id', bearer: false, baseUrl: undefined });
  /** Another tab says it stored what this tab holds (it re-saved the same session). */
  const newsFromOtherTab = () => actor.send({ type: 'SESSION_CHANGED_ELSEWHERE', stored: storage.getItem(config.storageKey)! });
  return { actor, cognito, authFetch, newsFromOtherTab, release: () => release() };
}

describe('auth.fetch after a 401', () => {
  it('waits for the chart to be quiet before reporting the rejected token, so the refresh is not lost', async () => {
    let news = () => {};
    const api = fakeApi((index) => (index === 0 ? 401 : 200), (index) => index === 0 && news());
    const chart = await chartWithHeldSync(api);
    news = chart.newsFromOtherTab;
    const response = chart.authFetch(`${API}/notes`);
    await waitFor(chart.actor, (s) => s.matches('syncing'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(api.sent).toHaveLength(1);
    chart.release();
    expect((await response).status).toBe(200);
    expect(chart.cognito.callsOf('InitiateAuth')).toHaveLength(2);
    expect(api.sent[1]).not.toBe(api.sent[0]);
  });

  // A 401 with a body (API Gateway's JSON) or without one (a service worker's or a mock's).
  it.each([
    ['a body, which is let go', true],
    ['no body', false],
  ])('a caller who gives up while the chart is busy gets the abort (a 401 with %s), and the chart carries on', async (_, withBody) => {
    let news = () => {};
    let bodyCancelled = false;
    const body = () => (withBody ? new ReadableStream({ cancel: () => void (bodyCancelled = true) }) : null);
    const api = fakeApi(() => 401, (index) => index === 0 && news(), body);
    const chart = await chartWithHeldSync(api);
    news = chart.newsFromOtherTab;
    const controller = new AbortController();
    const response = chart.authFetch(`${API}/notes`, { signal: controller.signal });
    await waitFor(chart.actor, (s) => s.matches('syncing'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(response).rejects.toMatchObject({ name: 'AbortError' });
    expect(bodyCancelled).toBe(withBody);
    chart.release();
    await waitFor(chart.actor, (s) => s.matches('signedIn'));
    expect(api.sent).toHaveLength(1);
  });

  it('a caller who gives up while the chart is busy gets the abort, also for a request it cannot replay', async () => {
    let news = () => {};
    const api = fakeApi(() => 401, (index) => index === 0 && news());
    const chart = await chartWithHeldSync(api);
    news = chart.newsFromOtherTab;
    const controller = new AbortController();
    const upload = new ReadableStream({ pull: (stream) => stream.close() });
    const init = { method: 'POST', body: upload, duplex: 'half', signal: controller.signal } as RequestInit;
    const response = chart.authFetch(`${API}/upload`, init);
    await waitFor(chart.actor, (s) => s.matches('syncing'));
    controller.abort();
    await expect(response).rejects.toMatchObject({ name: 'AbortError' });
    chart.release();
  });

  it('a caller who gives up during the refresh after a 401 without a body gets the abort', async () => {
    const api = fakeApi((index) => (index === 0 ? 401 : 200));
    const { auth, cognito, answer } = await signedIn(api);
    let finishRefresh: (value: ReturnType<typeof answer>) => void = () => {};
    cognito.on('InitiateAuth', () => new Promise((resolve) => (finishRefresh = resolve)));
    const controller = new AbortController();
    const response = auth.fetch(`${API}/notes`, { signal: controller.signal });
    await waitFor(auth.actor, (s) => s.matches('refreshing'));
    controller.abort();
    await expect(response).rejects.toMatchObject({ name: 'AbortError' });
    finishRefresh(answer());
    await waitFor(auth.actor, (s) => s.matches('signedIn'));
  });

  it.each([
    ['refused for good', 'NotAuthorizedException', 400, 'expired'],
    ['failing for a transient reason', 'InternalErrorException', 500, { refreshing: 'retrying' }],
  ])('while the refresh after a 401 is %s, the 401 is returned (not thrown) and the rejected token not replayed', async (_, name, status, state) => {
    const api = fakeApi((index) => (index === 0 ? 401 : 200));
    const { auth, cognito } = await signedIn(api);
    cognito.on('InitiateAuth', () => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name, message: 'no tokens today', status });
    });
    const response = await auth.fetch(`${API}/notes`);
    expect(response.status).toBe(401);
    expect(api.sent).toHaveLength(1);
    expect(auth.actor.getSnapshot().value).toEqual(state);
  });
});
