import { waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, memoryStorage, type Auth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// The ports createAuth builds from its options when the app gives none: the default transport
// (fetch to Cognito's regional endpoint or the configured one, with the request timeout), the
// storage by name, the sign-out it sends.

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});
const base = { authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, wake: null } as const;

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

function started(config: Parameters<typeof createAuth>[0]) {
  const auth = createAuth(config);
  running.push(auth);
  return auth;
}

describe('createAuth without a transport', () => {
  it("sends Cognito's JSON through the app's fetch to the pool's regional endpoint", async () => {
    const sent: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Response(JSON.stringify(tokens()), { headers: { 'content-type': 'application/x-amz-json-1.1' } });
    }) as typeof globalThis.fetch;
    const auth = started({ ...base, storage: 'memory', fetch });
    await auth.signIn({ username: 'demo', password: 'pw' });
    expect(sent).toEqual(['https://cognito-idp.us-east-1.amazonaws.com/']);
  });

  it('sends to the configured endpoint, and gives up after the request timeout', async () => {
    const sent: string[] = [];
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(String(input));
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof globalThis.fetch;
    const auth = started({ ...base, storage: 'memory', fetch, endpoint: 'http://127.0.0.1:9229', requestTimeoutSeconds: 0.05 });
    const startedAt = performance.now();
    await expect(auth.signIn({ username: 'demo', password: 'pw' })).rejects.toMatchObject({ code: 'timeout' });
    // The configured 50 ms, not the transport's default 10 s (the margin is for a loaded machine).
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(sent).toEqual(['http://127.0.0.1:9229']);
  });
});

describe('createAuth storage by name', () => {
  it("'memory' keeps the session in memory as asked: no warning that storage is unavailable", async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const auth = started({ ...base, storage: 'memory', transport: cognito });
    const warnings: unknown[] = [];
    auth.actor.on('storageFallback', (event) => warnings.push(event.error));
    await auth.signIn({ username: 'demo', password: 'pw' });
    const { context } = auth.actor.getSnapshot();
    expect(context.ports.storage.kind).toBe('memory');
    expect(context.ports.storage.getItem(context.config.storageKey)).toContain(context.session!.tokens.accessToken);
    expect(warnings).toEqual([]);
    expect(context.storageWarning).toBeNull();
  });

  it.each(['local', 'session'] as const)("'%s' where there is no Web Storage (Node, SSR) keeps the session in memory and says so", async (storage) => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const auth = started({ ...base, storage, transport: cognito, tabs: false });
    await auth.signIn({ username: 'demo', password: 'pw' });
    const { context } = auth.actor.getSnapshot();
    expect(context.ports.storage.kind).toBe(`memory (${storage} unavailable)`);
    expect(context.ports.storage.getItem(context.config.storageKey)).toContain(context.session!.tokens.accessToken);
  });
});

describe('createAuth sign-out', () => {
  it('with global: true also signs the user out everywhere (GlobalSignOut)', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens()).on('GlobalSignOut', () => ({})).on('RevokeToken', () => ({}));
    const auth = started({ ...base, storage: 'memory', transport: cognito });
    await auth.signIn({ username: 'demo', password: 'pw' });
    await auth.signOut({ global: true });
    expect(cognito.callsOf('GlobalSignOut')).toHaveLength(1);
    await auth.signIn({ username: 'demo', password: 'pw' });
    await auth.signOut();
    expect(cognito.callsOf('GlobalSignOut')).toHaveLength(1);
  });

  it('asked during start-up, applies to the session the restore finds', async () => {
    const storage = memoryStorage();
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens()).on('RevokeToken', () => ({}));
    const first = started({ ...base, storage, transport: cognito });
    await first.signIn({ username: 'demo', password: 'pw' });
    first.stop();
    const reloaded = started({ ...base, storage, transport: cognito });
    expect(reloaded.actor.getSnapshot().matches('restoring')).toBe(true);
    await reloaded.signOut();
    expect(reloaded.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
    expect(cognito.callsOf('RevokeToken')).toHaveLength(1);
    expect(await reloaded.getTokens()).toBeNull();
  });
});

describe('createAuth getTokens', () => {
  it('waiting for a refresh when the auth is stopped rejects, rather than saying nobody is signed in', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const auth = started({ ...base, storage: 'memory', transport: cognito });
    await auth.signIn({ username: 'demo', password: 'pw' });
    cognito.on('InitiateAuth', () => new Promise(() => {}));
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (s) => s.matches('refreshing'));
    const pending = auth.getTokens();
    auth.stop();
    await expect(pending).rejects.toBeInstanceOf(Error);
    await expect(pending).rejects.not.toHaveProperty('code');
  });
});

describe("createAuth tabs with 'local' storage", () => {
  it('share a sign-in with the other tabs of the same pool and client, over a channel named for them', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const config = { ...base, storage: 'local', transport: cognito } as const;
    const here = started(config);
    const there = started(config);
    const otherClient = started({ ...config, clientId: 'otherclient000000000000001' });
    const otherClientStates: unknown[] = [];
    otherClient.actor.subscribe((snapshot) => otherClientStates.push(snapshot.value));
    await waitFor(there.actor, (s) => s.matches('signedOut'));
    await here.signIn({ username: 'demo', password: 'pw' });
    const synced = await waitFor(there.actor, (s) => s.matches('signedIn'), { timeout: 2000 });
    expect(synced.context.session!.tokens.accessToken).toBe(here.actor.getSnapshot().context.session!.tokens.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(otherClientStates).not.toContain('syncing');
  });
});
