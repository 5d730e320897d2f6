// @vitest-environment happy-dom
import { SimulatedClock, waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// In a browser, createAuth listens to the page by itself: a page coming back (focus, visible,
// online, bfcache) re-arms the timers, and user activity holds off the idle timeout when one is
// set. The app can replace either source, or turn it off with null.

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});
const base = { authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory' } as const;

function cognitoAt(now: () => number) {
  return new FakeCognito().on('InitiateAuth', () => {
    const set = makeTokenSet({ iatSeconds: Math.floor(now() / 1000), serial: Math.floor(Math.random() * 1e9) });
    return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
  });
}

describe('createAuth in a browser', () => {
  it('a page that comes back with its refresh overdue (the timer slept) refreshes at once', async () => {
    let now = Date.now();
    const cognito = cognitoAt(() => now);
    const auth = createAuth({ ...base, transport: cognito, clock: { now: () => now } });
    running.push(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    now += 3600_000 - 30_000;
    window.dispatchEvent(new Event('focus'));
    await waitFor(auth.actor, () => cognito.callsOf('InitiateAuth').length === 2, { timeout: 1000 });
  });

  it('with wake: null, the page coming back does nothing', async () => {
    let now = Date.now();
    const cognito = cognitoAt(() => now);
    const auth = createAuth({ ...base, transport: cognito, clock: { now: () => now }, wake: null });
    running.push(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    now += 3600_000 - 30_000;
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cognito.callsOf('InitiateAuth')).toHaveLength(1);
  });

  it('with an idle timeout, a key press holds it off; without one, activity is not watched', async () => {
    const timers = new SimulatedClock();
    timers.set(Date.UTC(2026, 0, 1));
    const now = () => timers.now();
    const clock = { now, setTimeout: (fn: (...args: unknown[]) => void, ms: number) => timers.setTimeout(fn, ms), clearTimeout: (id: number) => timers.clearTimeout(id) };
    const auth = createAuth({ ...base, transport: cognitoAt(now), clock, wake: null, idleTimeoutMinutes: 1 });
    running.push(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    timers.increment(40_000);
    window.dispatchEvent(new Event('keydown'));
    timers.increment(40_000);
    expect(auth.actor.getSnapshot().matches({ signedIn: 'idle' })).toBe(true);
    timers.increment(30_000);
    expect(auth.actor.getSnapshot().matches({ signedIn: 'stillThere' })).toBe(true);

    const quiet = createAuth({ ...base, transport: cognitoAt(now), clock, wake: null });
    running.push(quiet);
    expect(quiet.actor.getSnapshot().context.ports.activity).toBeNull();
  });
});
