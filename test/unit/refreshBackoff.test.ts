import { SimulatedClock } from 'xstate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAuth } from '../../machines/index.js';
import { mapCognitoError } from '../../machines/cognito/mapCognitoError.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';
import { flush } from '../support/ScriptedActors.js';

// After a transient refresh failure the next attempt waits base × 2^(failures − 1), capped at
// retryMaxDelayMs (defaults 2 s and 60 s), with "equal jitter": half the backoff, plus half of
// it times random(). With random() = 0.5 each wait is exactly 3/4 of the backoff. Time is a
// SimulatedClock, moved in 100 ms steps: every expected wait is a multiple of it.

const STEP_MS = 100;

/** Lets the machine's promises (lock, storage read, request) and the events they send run. */
async function settle() {
  for (let i = 0; i < 5; i++) await flush();
}

function outage() {
  return mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name: 'InternalErrorException', message: 'try again', status: 500 });
}

async function signedInWithFailingRefresh(random: number) {
  const timers = new SimulatedClock();
  timers.set(Date.UTC(2026, 0, 1));
  const cognito = new FakeCognito().on('InitiateAuth', () => {
    const tokens = makeTokenSet({ iatSeconds: Math.floor(timers.now() / 1000) });
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
    random: () => random,
    wake: null,
    activity: null,
    tabs: false,
  });
  onTestFinished(() => auth.stop());
  await auth.signIn({ username: 'demo', password: 'pw' });
  /** When each refresh request was sent, on the simulated clock. */
  const attempts: number[] = [];
  cognito.on('InitiateAuth', () => {
    attempts.push(timers.now());
    throw outage();
  });
  auth.actor.send({ type: 'REFRESH' });
  await settle();

  /** Lets time pass until `count` refreshes were sent; returns the waits between them. */
  async function waitsUntil(count: number): Promise<number[]> {
    for (let guard = 0; attempts.length < count && guard < 10_000; guard++) {
      timers.increment(STEP_MS);
      await settle();
    }
    return attempts.slice(1).map((at, i) => at - attempts[i]!);
  }
  return { auth, waitsUntil };
}

describe('refresh retry backoff', () => {
  it('doubles the wait after each failed refresh, from 3/4 of 2 s up to 3/4 of the 60 s cap', async () => {
    const { auth, waitsUntil } = await signedInWithFailingRefresh(0.5);
    expect(await waitsUntil(8)).toEqual([1_500, 3_000, 6_000, 12_000, 24_000, 45_000, 45_000]);
    // Still signed in on the unexpired tokens, still trying.
    expect(auth.actor.getSnapshot().matches({ refreshing: 'retrying' })).toBe(true);
  });

  it('jitters each wait between half the backoff (random 0) and the whole of it (random just under 1)', async () => {
    const low = await signedInWithFailingRefresh(0);
    expect(await low.waitsUntil(3)).toEqual([1_000, 2_000]);
    const high = await signedInWithFailingRefresh(0.95);
    expect(await high.waitsUntil(3)).toEqual([2_000, 3_900]);
  });
});
