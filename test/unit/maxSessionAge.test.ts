import { SimulatedClock } from 'xstate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAuth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';
import { flush } from '../support/ScriptedActors.js';

// The maximum session age counts from `auth_time`, on the server's clock: a device clock that is
// wrong moves neither end. The timers run on true time (a SimulatedClock); the device's `now()`
// is 10 minutes fast. The session's drift estimate keeps a 1 s margin (createSession), so the
// sign-out comes at most a second early, never minutes.

const T0 = Date.UTC(2026, 0, 1);
const SKEW_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

describe('maximum session age', () => {
  it('with the device clock 10 minutes fast, signs out one hour after the sign-in on the server’s clock', async () => {
    const timers = new SimulatedClock();
    timers.set(T0);
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => {
        // Tokens outlive the maximum age, so no refresh comes first.
        const tokens = makeTokenSet({ iatSeconds: Math.floor(timers.now() / 1000), lifetimeSeconds: 2 * 3600 });
        return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
      })
      .on('RevokeToken', () => ({}));
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: TEST_POOL.userPoolId,
      clientId: TEST_POOL.clientId,
      storage: 'memory',
      transport: cognito,
      clock: {
        now: () => timers.now() + SKEW_MS,
        setTimeout: (fn, ms) => timers.setTimeout(fn, ms),
        clearTimeout: (id) => timers.clearTimeout(id),
      },
      maxSessionAgeHours: 1,
      wake: null,
      activity: null,
      tabs: false,
    });
    onTestFinished(() => auth.stop());
    await auth.signIn({ username: 'demo', password: 'pw' });

    timers.set(T0 + HOUR_MS - 2_000);
    await flush();
    expect(auth.actor.getSnapshot().matches('signedIn')).toBe(true);

    timers.set(T0 + HOUR_MS);
    await flush();
    await flush();
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(auth.actor.getSnapshot().context.endReason).toBe('maxAge');
  });
});
