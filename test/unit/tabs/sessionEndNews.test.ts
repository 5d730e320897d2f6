import { SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createAuth, noRefreshLock, type TabMessage } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { flush } from '../../support/ScriptedActors.js';
import { oneTabOfTwo, tokensIssuedAgo } from '../../support/twoTabWorld.js';

// Tabs sharing a session tell each other why it ended, and each ends its own the same way: a
// revoked session asks to sign in again (expired, reason kept), and the reason this tab signed
// out for (idle, maximum age) is the one the others hear.

const running: ReturnType<typeof oneTabOfTwo>[] = [];
afterEach(() => {
  for (const world of running.splice(0)) world.auth.stop();
});

describe('a session ended in another tab', () => {
  it('revoked there (the API refused its tokens): here too the session is over and the reason is revoked', async () => {
    const world = oneTabOfTwo({ stored: tokensIssuedAgo(600, { serial: 1 }) });
    running.push(world);
    await world.settle();
    expect(world.snapshot().matches('signedIn')).toBe(true);
    world.deliver({ kind: 'ended', reason: 'revoked' });
    await world.settle();
    expect(world.snapshot().matches('expired')).toBe(true);
    expect(world.snapshot().context.endReason).toBe('revoked');
  });
});

describe('a session this tab ends', () => {
  it('an idle sign-out tells the other tabs it was idle, not that the user signed out', async () => {
    const timers = new SimulatedClock();
    timers.set(Date.UTC(2026, 0, 1));
    const posted: TabMessage[] = [];
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => {
        const tokens = makeTokenSet({ iatSeconds: Math.floor(timers.now() / 1000) });
        return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
      })
      .on('RevokeToken', () => ({}));
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: TEST_POOL.userPoolId,
      clientId: TEST_POOL.clientId,
      storage: 'memory',
      transport: cognito,
      clock: timers,
      idleTimeoutMinutes: 1,
      wake: null,
      activity: null,
      tabs: { lock: noRefreshLock, channel: { post: (message) => posted.push(message), subscribe: () => () => {} } },
    });
    onTestFinished(() => auth.stop());
    await auth.signIn({ username: 'demo', password: 'pw' });
    // The idle timeout, then the warning: a second at a time until the sign-out.
    for (let s = 0; s < 10 * 60 && !auth.actor.getSnapshot().matches('signedOut'); s++) {
      timers.increment(1_000);
      await flush();
    }
    expect(auth.actor.getSnapshot().context.endReason).toBe('idle');
    expect(posted).toContainEqual({ kind: 'ended', reason: 'idle' });
    expect(posted).not.toContainEqual({ kind: 'ended', reason: 'user' });
  });
});
