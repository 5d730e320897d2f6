// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// In a browser, storage by name is the page's own Web Storage: 'local' survives a reload and is
// shared by tabs, 'session' stays with the tab. (In Node both fall back to memory: see
// createAuthPorts.test.ts.)

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
  localStorage.clear();
  sessionStorage.clear();
});

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

describe('createAuth storage by name in a browser', () => {
  it.each([
    ['local', () => localStorage, () => sessionStorage],
    ['session', () => sessionStorage, () => localStorage],
  ] as const)("'%s' keeps the session in the page's %sStorage, and only there", async (storage, chosen, other) => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, transport: cognito, storage, tabs: false, wake: null });
    running.push(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    const { context } = auth.actor.getSnapshot();
    expect(context.ports.storage.kind).toBe(storage);
    expect(chosen().getItem(context.config.storageKey)).toContain(context.session!.tokens.refreshToken);
    expect(other().length).toBe(0);
    expect(context.storageWarning).toBeNull();
  });
});
