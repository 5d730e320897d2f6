import { SimulatedClock } from 'xstate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAuth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';
import { flush } from '../support/ScriptedActors.js';

// The storm guard: at most 4 successful refreshes (the default maxRefreshesPerMinute) in any
// minute, whatever asks for them; a fifth waits. A refresh exactly a minute old no longer counts.

const T0 = Date.UTC(2026, 0, 1);

async function signedIn() {
  const timers = new SimulatedClock();
  timers.set(T0);
  let serial = 0;
  const cognito = new FakeCognito().on('InitiateAuth', () => {
    const tokens = makeTokenSet({ iatSeconds: Math.floor(timers.now() / 1000), serial: ++serial });
    return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
  });
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: cognito,
    refreshApi: 'initiateAuth',
    clock: timers,
    random: () => 0.5,
    wake: null,
    activity: null,
    tabs: false,
  });
  onTestFinished(() => auth.stop());
  await auth.signIn({ username: 'demo', password: 'pw' });

  /** Asks for a refresh `atMs` after T0 and lets it run; how many refresh requests were sent in all. */
  async function refreshAt(atMs: number): Promise<number> {
    timers.set(T0 + atMs);
    auth.actor.send({ type: 'REFRESH' });
    for (let i = 0; i < 5; i++) await flush();
    return cognito.callsOf('InitiateAuth').length - 1;
  }
  return { auth, refreshAt };
}

describe('refresh storm guard', () => {
  it('a fifth refresh asked for within a minute waits instead of asking Cognito', async () => {
    const { auth, refreshAt } = await signedIn();
    for (const at of [0, 10_000, 20_000, 30_000]) await refreshAt(at);
    expect(await refreshAt(40_000)).toBe(4);
    expect(auth.actor.getSnapshot().matches({ refreshing: 'retrying' })).toBe(true);
  });

  it('a refresh exactly a minute old no longer counts, and is forgotten', async () => {
    const { auth, refreshAt } = await signedIn();
    for (const at of [0, 20_000, 40_000, 50_000]) await refreshAt(at);
    expect(await refreshAt(60_000)).toBe(5);
    expect(auth.actor.getSnapshot().matches('signedIn')).toBe(true);
    // Only the last minute is kept: a tab open for weeks does not pile up its refreshes.
    expect(auth.actor.getSnapshot().context.refreshAttempts).toEqual([20_000, 40_000, 50_000, 60_000].map((at) => T0 + at));
  });
});
