import { SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, selectIsOffline, type Auth } from '../../machines/index.js';
import { ClockedCognito } from '../support/ClockedCognito.js';
import { TEST_POOL } from '../support/fakeTokens.js';
import { flush } from '../support/ScriptedActors.js';
import { expOf, stateCounts, watchSession } from '../support/sessionWatch.js';

// Issue 8, "Never logged out by accident", on simulated time with a fake Cognito: device clock
// skew, a sleeping laptop, and an offline period longer than the token lifetime. Three clocks:
// the true time (Cognito's and the API's), the device's `now()` (true time ± skew), and the
// machine's timers (a SimulatedClock, which a sleep leaves behind).

const API = 'https://api.example.com';
const LIFETIME_S = 60;
/** The refresh lead (60 s by default) is clamped to half the lifetime. */
const REFRESH_INTERVAL_MS = (LIFETIME_S / 2) * 1000;
/** Offline for longer than the token lifetime, and less than a minute after the first failed refresh. */
const OFFLINE_MS = 75_000;
const running: Auth[] = [];

afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});

function world(options: { skewMs?: number; latencyMs?: number; lifetimeS?: number } = {}) {
  const { skewMs = 0, latencyMs = 200, lifetimeS = LIFETIME_S } = options;
  const timers = new SimulatedClock();
  timers.set(Date.UTC(2026, 0, 1));
  /** Time that passed while the device slept: on the true and device clocks, not on the timers. */
  let sleptMs = 0;
  const trueNow = () => timers.now() + sleptMs;
  const deviceNow = () => trueNow() + skewMs;
  const cognito = new ClockedCognito(timers, trueNow, lifetimeS, latencyMs);

  // The API checks `exp` against the true time, as API Gateway does.
  const sent: { lateMs: number; status: number }[] = [];
  const apiFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const token = new Request(input, init).headers.get('authorization') ?? '';
    const lateMs = trueNow() - expOf(token) * 1000;
    const status = lateMs >= 0 ? 401 : 200;
    sent.push({ lateMs, status });
    return new Response(JSON.stringify(status === 200 ? { ok: true } : { error: 'unauthorized', message: 'token expired' }), { status });
  }) as typeof fetch;

  const storage = memoryStorage();
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage,
    transport: cognito,
    fetch: apiFetch,
    apiOrigins: [API],
    // The device's clock for `now()`; the machine's timers on the simulated clock.
    clock: {
      now: deviceNow,
      setTimeout: (fn, ms) => timers.setTimeout(fn, ms),
      clearTimeout: (id) => timers.clearTimeout(id),
    },
    random: () => 0.5,
    wake: null,
    activity: null,
    tabs: false,
  });
  running.push(auth);
  const watch = watchSession(auth, storage, deviceNow);

  /** Moves the timers (and so the true and device clocks) forward in steps, letting promises settle. */
  async function advance(ms: number, step = 250) {
    for (let elapsed = 0; elapsed < ms; elapsed += step) {
      timers.increment(Math.min(step, ms - elapsed));
      await flush();
      await flush();
    }
  }

  /** Lets due timers fire without moving time (SimulatedClock runs a 0 ms timer only when told). */
  async function tick() {
    timers.increment(0);
    await flush();
    await flush();
  }

  async function signIn() {
    const done = auth.signIn({ username: 'demo', password: 'pw' });
    await advance(latencyMs + 250);
    await done;
    expect(auth.actor.getSnapshot().matches('signedIn')).toBe(true);
  }

  /** Calls the API now; the outcome arrives once time moves on (a refresh may come first). */
  function callApi(): Promise<string> {
    return auth.fetch(`${API}/notes`).then(
      (response) => `HTTP ${response.status}`,
      (error: unknown) => (error instanceof AuthError ? error.code : String(error)),
    );
  }

  const sleep = (ms: number) => {
    sleptMs += ms;
  };
  const freshTokens = () => {
    const snapshot = auth.actor.getSnapshot();
    const session = snapshot.context.session;
    return snapshot.matches('signedIn') && session !== null && session.idClaims.exp * 1000 > trueNow();
  };

  return { auth, cognito, watch, sent, advance, tick, signIn, callApi, sleep, freshTokens, trueNow, deviceNow };
}

type World = ReturnType<typeof world>;

/** What must hold whatever happened: the session intact, storage in step, no expired token used. */
function expectNoHarm({ watch, sent, cognito }: World) {
  expect(watch.lost, 'sessions lost').toEqual([]);
  expect(watch.storageMismatches, 'storage disagreeing with the state').toEqual([]);
  expect(sent.filter((send) => send.lateMs >= 0), 'expired tokens sent to the API').toEqual([]);
  expect(cognito.maxRefreshInFlight, 'refresh requests in flight at once').toBeLessThanOrEqual(1);
}

describe('device clock skew (simulated time, fake Cognito)', () => {
  it.each([
    ['1 h ahead', 3_600_000],
    ['1 h behind', -3_600_000],
    ['right', 0],
  ])('a device clock %s: one refresh per interval over 10 minutes, no early logout, no expired token used', async (_, skewMs) => {
    const w = world({ skewMs });
    await w.signIn();
    const calls: Promise<string>[] = [];
    const tenMinutes = 10 * 60_000;
    for (let elapsed = 0; elapsed < tenMinutes; elapsed += 5_000) {
      calls.push(w.callApi());
      await w.advance(5_000);
    }
    const outcomes = await Promise.all(calls);

    const requests = w.cognito.refreshRequests.length;
    const expected = tenMinutes / REFRESH_INTERVAL_MS;
    const perMinute = Math.max(
      ...w.cognito.refreshRequests.map((at) => w.cognito.refreshRequests.filter((other) => other >= at && other < at + 60_000).length),
    );
    console.log(
      `[resilience] clock ${_}: ${requests} refresh requests in 10 simulated minutes (≈ ${expected} expected), at most ${perMinute} in any minute; ` +
        `API ${outcomes.filter((o) => o === 'HTTP 200').length}/${outcomes.length} OK; states ${stateCounts(w.watch.states)}`,
    );
    expect(requests).toBeGreaterThanOrEqual(expected - 2);
    expect(requests).toBeLessThanOrEqual(expected + 1);
    expect(perMinute, 'refresh requests in any one minute').toBeLessThanOrEqual(3);
    expect(outcomes.every((outcome) => outcome === 'HTTP 200')).toBe(true);
    expect(w.freshTokens()).toBe(true);
    expectNoHarm(w);
  });
});

describe('a 5-minute sleep (device clock jumps, timers do not fire)', () => {
  async function asleep() {
    const w = world();
    await w.signIn();
    await w.advance(10_000);
    w.sleep(5 * 60_000);
    // Nothing ran while asleep: the session's tokens are long expired by now.
    expect(w.auth.actor.getSnapshot().matches('signedIn')).toBe(true);
    expect(w.freshTokens()).toBe(false);
    return w;
  }

  it('WAKE refreshes at once, before any timer fires', async () => {
    const w = await asleep();
    const before = w.cognito.refreshRequests.length;
    w.auth.actor.send({ type: 'WAKE' });
    await w.tick();
    expect(w.cognito.refreshRequests.length, 'a refresh request right at WAKE').toBe(before + 1);
    await w.advance(250);
    expect(w.freshTokens()).toBe(true);
    expect(await Promise.all([w.callApi(), w.advance(250)]).then(([outcome]) => outcome)).toBe('HTTP 200');
    expectNoHarm(w);
  });

  it('auth.fetch notices without WAKE: refreshes first, sends the fresh token', async () => {
    const w = await asleep();
    const before = w.cognito.refreshRequests.length;
    const call = w.callApi();
    await w.tick();
    expect(w.cognito.refreshRequests.length, 'a refresh request right at the call').toBe(before + 1);
    await w.advance(250);
    expect(await call).toBe('HTTP 200');
    expect(w.sent).toHaveLength(1);
    expectNoHarm(w);
  });

  // Found by this suite and fixed: getTokens() returned null while signed in with a due token.
  it('getTokens() without WAKE: refreshes and gives fresh tokens, not null', async () => {
    const w = await asleep();
    const before = w.cognito.refreshRequests.length;
    const tokens = w.auth.getTokens();
    await w.tick();
    await w.advance(250);
    const got = await tokens;
    console.log(`[resilience] getTokens() right after a 5-minute sleep: ${got ? 'tokens' : 'null'}; refresh requests ${w.cognito.refreshRequests.length - before}; state ${w.watch.current()}`);
    expectNoHarm(w);
    expect(got, 'getTokens() while signed in').not.toBeNull();
    expect(expOf(got!.idToken) * 1000).toBeGreaterThan(w.trueNow());
  });
});

describe('offline for longer than the token lifetime', () => {
  async function offlinePastExpiry() {
    const w = world();
    await w.signIn();
    w.cognito.offline = true;
    const outcomes: string[] = [];
    let sawOffline = false;
    for (let elapsed = 0; elapsed < OFFLINE_MS; elapsed += 5_000) {
      const call = w.callApi();
      await w.advance(5_000);
      outcomes.push(await call);
      sawOffline ||= selectIsOffline(w.auth.actor.getSnapshot(), w.deviceNow());
    }
    return { w, outcomes, sawOffline };
  }

  it("stays signed in (refreshing.retrying), auth.fetch rejects with 'offline', never sends the expired token", async () => {
    const { w, outcomes, sawOffline } = await offlinePastExpiry();
    const snapshot = w.auth.actor.getSnapshot();
    console.log(`[resilience] offline ${OFFLINE_MS / 1000} s: API outcomes ${JSON.stringify(outcomes)}; ${w.cognito.refreshRequests.length} refresh attempts; states ${stateCounts(w.watch.states)}`);
    expect(snapshot.matches({ refreshing: 'retrying' })).toBe(true);
    expect(sawOffline).toBe(true);
    // Calls every 5 s from 0.45 s; the tokens expire at 60 s (60.2 s by the client's estimate).
    expect(outcomes.slice(0, 12), 'usable until expiry').toEqual(Array(12).fill('HTTP 200'));
    expect(outcomes.slice(12), "'offline' once expired").toEqual(Array(3).fill('offline'));
    expectNoHarm(w);
  });

  it('online again without WAKE: recovers within one backoff cap', async () => {
    const { w } = await offlinePastExpiry();
    w.cognito.offline = false;
    let recoveredAfter = 0;
    while (!w.freshTokens() && recoveredAfter < 70_000) {
      await w.advance(250);
      recoveredAfter += 250;
    }
    console.log(`[resilience] online without WAKE: recovered after ${recoveredAfter} ms`);
    expect(recoveredAfter).toBeLessThanOrEqual(60_000 + 250);
    expect(await Promise.all([w.callApi(), w.advance(250)]).then(([outcome]) => outcome)).toBe('HTTP 200');
    expectNoHarm(w);
  });

  // Found by this suite and fixed: the storm guard counted failed attempts and held back the WAKE.
  it('online again with WAKE (the browser\'s `online` event): recovers at once', async () => {
    const { w } = await offlinePastExpiry();
    w.cognito.offline = false;
    const before = w.cognito.refreshRequests.length;
    w.auth.actor.send({ type: 'WAKE' });
    await w.tick();
    const state = JSON.stringify(w.auth.actor.getSnapshot().value);
    const requestsAtWake = w.cognito.refreshRequests.length - before;
    let recoveredAfter = 0;
    while (!w.freshTokens() && recoveredAfter < 70_000) {
      await w.advance(250);
      recoveredAfter += 250;
    }
    console.log(`[resilience] online with WAKE: state right after WAKE ${state}; recovered after ${recoveredAfter} ms`);
    expectNoHarm(w);
    expect(requestsAtWake, 'refresh requests right at WAKE').toBe(1);
    expect(recoveredAfter).toBeLessThanOrEqual(500);
  });
});

// Found by this suite and fixed: drift was estimated at receipt, putting expiry after `exp`.
describe('drift estimated from iat', () => {
  it('a token whose answer took 800 ms is not sent after its exp while offline', async () => {
    const w = world({ latencyMs: 800 });
    await w.signIn();
    const session = w.auth.actor.getSnapshot().context.session!;
    console.log(`[resilience] drift estimate ${session.driftMs} ms (true skew 0): expiry held ${session.expiresAt - session.idClaims.exp * 1000} ms after exp`);
    w.cognito.offline = true;
    await w.advance(session.idClaims.exp * 1000 + 400 - w.trueNow());
    const call = w.callApi();
    await w.advance(250);
    const outcome = await call;
    console.log(`[resilience] API call 400 ms after exp, offline: ${outcome}; sent ${JSON.stringify(w.sent.slice(-1))}`);
    expect(w.watch.lost).toEqual([]);
    expect(w.sent.filter((send) => send.lateMs >= 0), 'expired tokens sent to the API').toEqual([]);
    expect(outcome).toBe('offline');
  });
});

// Found by this suite and fixed: with 30-second tokens the storm guard parked a retry until expiry.
describe('the storm guard and 30-second tokens', () => {
  it('one failed refresh is retried after its backoff, not when the tokens expire', async () => {
    const w = world({ lifetimeS: 30, latencyMs: 100 });
    await w.signIn();
    const advanceUntil = async (done: () => boolean) => {
      for (let elapsed = 0; !done() && elapsed < 120_000; elapsed += 100) await w.advance(100, 100);
    };
    await advanceUntil(() => w.cognito.refreshRequests.length === 4 && w.freshTokens());
    w.cognito.offline = true;
    await advanceUntil(() => w.cognito.refreshRequests.length === 5);
    const failedAt = w.trueNow();
    const expiresAt = w.auth.actor.getSnapshot().context.session!.expiresAt;
    w.cognito.offline = false;
    await advanceUntil(() => w.cognito.refreshRequests.length === 6);
    const retryAfterMs = w.cognito.refreshRequests[5]! - w.cognito.refreshRequests[4]!;
    console.log(
      `[resilience] 30-s tokens, one failed refresh at ${failedAt - w.cognito.refreshRequests[0]!} ms after the first refresh: ` +
        `retried after ${retryAfterMs} ms (backoff 1–2 s; the tokens expired ${expiresAt - failedAt} ms after the failure)`,
    );
    expectNoHarm(w);
    expect(retryAfterMs, 'ms from the failed refresh to its retry').toBeLessThanOrEqual(2_000 + 250);
  });
});
