import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from 'xstate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDemoApi } from '../../dev/demoApi.js';
import { AuthError, createAuth, fetchTransport, memoryStorage, type Auth } from '../../machines/index.js';
import {
  mulberry32,
  passAll,
  randomFaults,
  scheduledFaults,
  startFaultProxy,
  type FaultPlan,
  type FaultProxy,
  type FaultProxyStats,
} from '../support/faultProxy.js';
import { expOf, stateCounts, watchSession } from '../support/sessionWatch.js';

// Issue 8, "Never logged out by accident": real 30-second tokens from cognito-local, refreshed
// through a loopback proxy that injects faults (5xx, 429, drops, resets, delays, offline periods)
// while an app loop calls the demo API every 500 ms. Each scenario runs a few clients side by
// side, each with its own proxy (so "refreshes in flight" is per client), storage and seed; the
// scenarios run concurrently too (cognito-local is shared): about 110 s for the file on 2 cores.

const cognito = inject('cognito');
/** cognito-local's own issuer: the proxy is the endpoint, the tokens are the emulator's. */
const ISSUER = `${cognito.endpoint}/${cognito.userPoolId}`;
const TOKEN_LIFETIME_MS = 30_000;
const REQUEST_TIMEOUT_S = 2;
const API_INTERVAL_MS = 500;
/** resolveConfig's retryMaxDelayMs: the longest backoff wait. */
const BACKOFF_CAP_MS = 60_000;
const RECOVERY_BOUND_MS = BACKOFF_CAP_MS + REQUEST_TIMEOUT_S * 1000;

let api: Server;
let apiOrigin: string;
/** Everything a scenario started, stopped here should a test fail half-way. */
const cleanups = new Set<() => Promise<void>>();

beforeAll(async () => {
  const demoApi = createDemoApi({
    userPoolId: cognito.userPoolId,
    clientId: cognito.shortClientId,
    region: cognito.region,
    endpoint: cognito.endpoint,
  });
  api = createServer((request, response) => demoApi(request, response));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const address = api.address();
  apiOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await Promise.all([...cleanups].map((cleanup) => cleanup()));
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

interface Scenario {
  name: string;
  /** Seeds the fault sequences and the clients' backoff jitter (client i uses seed + i). */
  seed: number;
  clients: number;
  faultMs: number;
  /** Random faults during the fault window (none: only offline periods). */
  faults?: (seed: number) => FaultPlan;
  /** Offline periods within the fault window: [startMs, durationMs]. */
  offline?: [number, number][];
  /** Send WAKE when the fault window ends, as the browser's `online` event does. */
  wakeWhenOnline?: boolean;
}

/** An API request whose token had expired by the real clock when it left. */
interface ExpiredSend {
  lateMs: number;
  state: string;
  /** The client itself still held the token for unexpired (its drift estimate was too late). */
  believedValid: boolean;
}

interface ClientResult {
  stats: FaultProxyStats;
  lost: string[];
  storageMismatches: string[];
  expiredSends: ExpiredSend[];
  /** The API's 401 "token expired" answers, with how late the token was when it left (ms). */
  apiTokenExpired401: number[];
  apiCalls: Record<string, number>;
  wasOffline: boolean;
  stateAtFaultEnd: string;
  /** From the end of the faults to signedIn with unexpired tokens (0 if it already was). */
  recoverMs: number;
  refreshesDone: number;
  lastStatus: number | undefined;
  states: string;
}

/** One client through one scenario: sign in cleanly, faults for `faultMs`, then time the recovery. */
async function runClient(scenario: Scenario, client: number): Promise<ClientResult> {
  const seed = scenario.seed + client;
  const proxy: FaultProxy = await startFaultProxy({ target: cognito.endpoint, maxLifetimeMs: 4 * 60_000 });
  const storage = memoryStorage();
  const expiredSends: ExpiredSend[] = [];
  const apiCalls: Record<string, number> = {};
  const apiTokenExpired401: number[] = [];
  let auth: Auth | undefined;

  // Every API request as it leaves: its token must not have expired by the real clock.
  const observedFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== apiOrigin) return fetch(input, init);
    const token = request.headers.get('authorization');
    let lateMs = Number.NEGATIVE_INFINITY;
    if (token) {
      const now = Date.now();
      lateMs = now - expOf(token) * 1000;
      if (lateMs >= 0) {
        const snapshot = auth?.actor.getSnapshot();
        const session = snapshot?.context.session;
        const believedValid = session?.tokens.idToken === token && now < session.expiresAt;
        expiredSends.push({ lateMs, state: watch?.current() ?? '?', believedValid });
      }
    }
    const response = await fetch(request);
    if (response.status === 401) {
      const body = (await response.clone().json()) as { message?: string };
      if (body.message === 'token expired') apiTokenExpired401.push(lateMs);
    }
    return response;
  };

  auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: cognito.userPoolId,
    clientId: cognito.shortClientId,
    endpoint: proxy.url,
    issuer: ISSUER,
    storage,
    fetch: observedFetch,
    apiOrigins: [apiOrigin],
    requestTimeoutSeconds: REQUEST_TIMEOUT_S,
    random: mulberry32(seed ^ 0x5eed),
    wake: null,
    activity: null,
    tabs: false,
  });
  const running = auth;
  const watch = watchSession(running, storage, Date.now);
  let loopStopped = false;
  const offlineTimers: NodeJS.Timeout[] = [];
  const cleanup = async () => {
    loopStopped = true;
    for (const timer of offlineTimers) clearTimeout(timer);
    watch.stop();
    running.stop();
    await proxy.close();
  };
  cleanups.add(cleanup);

  await running.signIn(cognito.demoUser);
  if (!running.actor.getSnapshot().matches('signedIn')) throw new Error(`client ${client} could not sign in`);

  // The app: one API call every 500 ms, bounded in count; each call bounded in time.
  const loop = (async () => {
    for (let call = 0; call < 600 && !loopStopped; call++) {
      try {
        const response = await running.fetch(`${apiOrigin}/api/notes`, { signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        apiCalls[String(response.status)] = (apiCalls[String(response.status)] ?? 0) + 1;
      } catch (error) {
        const code = error instanceof AuthError ? error.code : error instanceof Error ? error.name : 'thrown';
        apiCalls[code] = (apiCalls[code] ?? 0) + 1;
      }
      await sleep(API_INTERVAL_MS);
    }
  })();

  // The fault window: random faults, and offline periods by the clock.
  proxy.setPlan(scenario.faults ? scenario.faults(seed) : passAll);
  for (const [startMs, durationMs] of scenario.offline ?? []) {
    offlineTimers.push(setTimeout(() => proxy.setOffline(true, durationMs), startMs));
  }
  await sleep(scenario.faultMs);
  for (const timer of offlineTimers) clearTimeout(timer);
  proxy.setPlan(passAll);
  proxy.setOffline(false);
  const faultEnd = Date.now();
  const stateAtFaultEnd = watch.current();
  if (scenario.wakeWhenOnline) running.actor.send({ type: 'WAKE' });

  let recoverMs = Number.POSITIVE_INFINITY;
  try {
    await waitFor(
      running.actor,
      (s) => s.matches('signedIn') && s.context.session !== null && s.context.session.expiresAt > Date.now(),
      { timeout: RECOVERY_BOUND_MS + 5_000 },
    );
    recoverMs = Date.now() - faultEnd;
  } catch {
    // Not recovered in time: the test says so.
  }
  const last = recoverMs === Number.POSITIVE_INFINITY ? undefined : await running.fetch(`${apiOrigin}/api/notes`);
  loopStopped = true;
  await loop;
  const refreshesDone = running.actor.getSnapshot().context.refreshCount;
  await cleanup();
  cleanups.delete(cleanup);

  return {
    stats: proxy.stats,
    lost: watch.lost,
    storageMismatches: watch.storageMismatches,
    expiredSends,
    apiTokenExpired401,
    apiCalls,
    wasOffline: watch.wasOffline(),
    stateAtFaultEnd,
    recoverMs,
    refreshesDone,
    lastStatus: last?.status,
    states: stateCounts(watch.states),
  };
}

interface ScenarioResult {
  name: string;
  clients: ClientResult[];
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const clients = await Promise.all(Array.from({ length: scenario.clients }, (_, client) => runClient(scenario, client)));
  const sum = (pick: (client: ClientResult) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const client of clients) for (const [key, n] of Object.entries(pick(client))) if (n > 0) total[key] = (total[key] ?? 0) + n;
    return total;
  };
  const faults = sum((c) => c.stats.byFault);
  delete faults.pass;
  const count = (pick: (client: ClientResult) => number) => clients.reduce((total, client) => total + pick(client), 0);
  const expired = clients.flatMap((client) => client.expiredSends);
  console.log(
    [
      `[faults] ${scenario.name}: ${scenario.clients} clients × ${scenario.faultMs / 1000} s of faults`,
      `  faults injected: ${JSON.stringify(faults)}, connections refused while offline: ${count((c) => c.stats.refusedConnections)}`,
      `  sessions lost: ${count((c) => c.lost.length)} (goal 0)`,
      `  recovery after faults stopped (ms, per client): ${clients.map((c) => `${c.recoverMs} from ${c.stateAtFaultEnd}`).join('; ')}`,
      `  refresh requests: ${count((c) => c.stats.refreshRequests)} (succeeded ${count((c) => c.refreshesDone)}), max in flight per client: ${Math.max(...clients.map((c) => c.stats.maxRefreshInFlight))}`,
      `  API calls: ${JSON.stringify(sum((c) => c.apiCalls))}; expired tokens sent: ${expired.length}` +
        (expired.length ? ` ${JSON.stringify(expired)}` : '') +
        `; API 401 'token expired': ${count((c) => c.apiTokenExpired401.length)}; storage mismatches: ${count((c) => c.storageMismatches.length)}`,
      `  proxy outcomes: ${JSON.stringify(sum((c) => c.stats.byOutcome))}`,
      `  states entered: ${clients.map((c) => c.states).join(' | ')}`,
    ].join('\n'),
  );
  return { name: scenario.name, clients };
}

/** What every scenario must show, fault or not. */
function expectNoHarm(result: ScenarioResult) {
  for (const [index, client] of result.clients.entries()) {
    const who = `${result.name}, client ${index}`;
    expect(client.lost, `${who}: sessions lost to transient faults`).toEqual([]);
    expect(client.storageMismatches, `${who}: storage disagreeing with the state`).toEqual([]);
    expect(client.expiredSends, `${who}: expired tokens sent`).toEqual([]);
    // Every 401 "token expired" is one of those (a token that left a few ms before `exp` may
    // arrive after it: allowed 100 ms), not a token the API saw as expired long before `exp`.
    expect(client.apiTokenExpired401.filter((lateMs) => lateMs < -100), `${who}: API 401 'token expired' for tokens sent in time`).toEqual([]);
    expect(client.stats.maxRefreshInFlight, `${who}: refresh requests in flight at once`).toBeLessThanOrEqual(1);
    expect(client.recoverMs, `${who}: ms from faults stopping to signedIn with fresh tokens`).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(client.lastStatus, `${who}: the API call after recovery`).toBe(200);
  }
}

const ALL_FAULTS = { delay: 1, drop: 1, reset: 1, error500: 1, throttle429: 1 } as const;
const OFFLINE_MS = TOKEN_LIFETIME_MS + 10_000;

const offlineScenario: Scenario = {
  name: `offline ${OFFLINE_MS / 1000} s (longer than the token lifetime), then online with WAKE`,
  seed: 500,
  clients: 2,
  faultMs: OFFLINE_MS,
  offline: [[0, OFFLINE_MS]],
  wakeWhenOnline: true,
};
let offlineRun: Promise<ScenarioResult> | undefined;
/** Run once, asserted by two tests: what holds, and the bug. */
const offlineResult = () => (offlineRun ??= runScenario(offlineScenario));

describe('issue 8: never logged out by accident (real 30-second tokens, faults on the Cognito path)', () => {
  // The proxy itself, first (a few seconds): each fault reaches the client as the error a real
  // network or Cognito would cause, and is counted by operation and outcome.
  it.concurrent('the fault proxy: each injected fault as the client sees it', async () => {
    const proxy = await startFaultProxy({ target: cognito.endpoint, maxLifetimeMs: 60_000 });
    cleanups.add(proxy.close);
    const transport = fetchTransport({ region: cognito.region, endpoint: proxy.url, timeoutMs: 1_000 });
    const signIn = () =>
      transport.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: cognito.shortClientId,
        AuthParameters: { USERNAME: cognito.demoUser.username, PASSWORD: cognito.demoUser.password },
      });
    const outcome = () =>
      signIn().then(
        () => 'ok',
        (error: unknown) => (error instanceof AuthError ? error.code : String(error)),
      );
    try {
      const first = await signIn();
      proxy.setPlan(
        scheduledFaults([{ kind: 'error500' }, { kind: 'throttle429' }, { kind: 'drop' }, { kind: 'reset' }, { kind: 'delay', ms: 300 }]),
      );
      const seen = [];
      for (let n = 0; n < 6; n++) seen.push(await outcome());
      proxy.setOffline(true);
      // Let the client see its pooled connection close, so that it asks for a new one.
      await sleep(100);
      seen.push(await outcome());
      proxy.setOffline(false);
      const refreshed = await transport.call('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: cognito.shortClientId,
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult!.RefreshToken! },
      });
      expect(seen).toEqual(['serviceUnavailable', 'tooManyRequests', 'timeout', 'network', 'ok', 'ok', 'network']);
      expect(refreshed.AuthenticationResult?.IdToken).toBeTruthy();
      expect(proxy.stats.byOperation).toEqual({ InitiateAuth: 8 });
      expect(proxy.stats.byFault).toEqual({ pass: 3, delay: 1, drop: 1, reset: 1, error500: 1, throttle429: 1 });
      expect(proxy.stats.byOutcome).toMatchObject({ passed: 3, delayed: 1, dropped: 1, reset: 1, error500: 1, throttle429: 1 });
      expect(proxy.stats.refusedConnections).toBe(1);
      expect(proxy.stats.refreshRequests).toBe(1);
      expect(proxy.stats.maxRefreshInFlight).toBe(1);
    } finally {
      await proxy.close();
      cleanups.delete(proxy.close);
    }
  });

  const scenarios: Scenario[] = [
    {
      name: 'server errors 30 % (500, 429)',
      seed: 100,
      clients: 4,
      faultMs: 60_000,
      faults: (seed) => randomFaults({ seed, rate: 0.3, weights: { error500: 1, throttle429: 1 } }),
    },
    {
      name: 'network faults 30 % (drop, reset, delay 0.2–2.5 s)',
      seed: 200,
      clients: 4,
      faultMs: 60_000,
      faults: (seed) => randomFaults({ seed, rate: 0.3, weights: { drop: 1, reset: 1, delay: 1 }, delayMs: [200, 2_500] }),
    },
    {
      name: 'every fault 50 %',
      seed: 300,
      clients: 4,
      faultMs: 60_000,
      faults: (seed) => randomFaults({ seed, rate: 0.5, weights: ALL_FAULTS, delayMs: [200, 2_500] }),
    },
    {
      name: 'every fault 10 % and a flapping network (offline 4 s in every 12 s)',
      seed: 400,
      clients: 4,
      faultMs: 60_000,
      faults: (seed) => randomFaults({ seed, rate: 0.1, weights: ALL_FAULTS, delayMs: [200, 2_500] }),
      offline: [0, 1, 2, 3, 4].map((n) => [n * 12_000 + 6_000, 4_000] as [number, number]),
    },
  ];

  it.concurrent.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', { timeout: 150_000 }, async (_, scenario) => {
    const result = await runScenario(scenario);
    expectNoHarm(result);
    const faulted = (stats: FaultProxyStats) =>
      Object.entries(stats.byFault).reduce((total, [kind, n]) => total + (kind === 'pass' ? 0 : n), 0);
    const injected = result.clients.reduce((total, c) => total + c.stats.refusedConnections + faulted(c.stats), 0);
    expect(injected, 'faults actually injected').toBeGreaterThan(0);
  });

  it.concurrent(offlineScenario.name + ': stays signed in, auth.fetch says offline, recovers', { timeout: 150_000 }, async () => {
    const result = await offlineResult();
    expectNoHarm(result);
    for (const client of result.clients) {
      expect(client.wasOffline, 'selectIsOffline while offline past expiry').toBe(true);
      expect(client.apiCalls.offline ?? 0, "auth.fetch rejected with 'offline'").toBeGreaterThan(0);
      expect(client.stateAtFaultEnd).toBe('refreshing:retrying');
    }
  });

  // Found by this suite and fixed: the storm guard used to count attempts that never reached
  // Cognito, so the `online` WAKE was turned back to waiting for ~40 s.
  it.concurrent(offlineScenario.name + ': recovers at once after WAKE', { timeout: 150_000 }, async () => {
    const result = await offlineResult();
    for (const client of result.clients) {
      expect(client.recoverMs, 'ms from online + WAKE to signedIn with fresh tokens').toBeLessThanOrEqual(REQUEST_TIMEOUT_S * 1000 + 1_000);
    }
  });

  // Found by this suite and fixed: drift used to be estimated at receipt from a whole-second
  // `iat`, putting expiry up to 1 s plus the latency after `exp`. Deterministic here: the sign-in
  // answer comes back 1 s late, the network drops, and the app calls the API 300 ms after `exp`.
  it.concurrent('slow network, then offline at expiry: auth.fetch does not send the expired token', { timeout: 60_000 }, async () => {
    const proxy = await startFaultProxy({ target: cognito.endpoint, maxLifetimeMs: 2 * 60_000 });
    const sent: { lateMs: number }[] = [];
    let api401 = 0;
    const observedFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).origin !== apiOrigin) return fetch(input, init);
      const token = request.headers.get('authorization');
      if (token) sent.push({ lateMs: Date.now() - expOf(token) * 1000 });
      const response = await fetch(request);
      if (response.status === 401) api401 += 1;
      return response;
    };
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: cognito.userPoolId,
      clientId: cognito.shortClientId,
      endpoint: proxy.url,
      issuer: ISSUER,
      storage: memoryStorage(),
      fetch: observedFetch,
      apiOrigins: [apiOrigin],
      requestTimeoutSeconds: 5,
      random: mulberry32(600),
      wake: null,
      activity: null,
      tabs: false,
    });
    const cleanup = async () => {
      auth.stop();
      await proxy.close();
    };
    cleanups.add(cleanup);
    try {
      // 2 s of latency, half of it on the way back: the tokens arrive ≥ 1 s after `iat`.
      proxy.setPlan(() => ({ kind: 'delay', ms: 2_000 }));
      await auth.signIn(cognito.demoUser);
      proxy.setOffline(true);
      const session = auth.actor.getSnapshot().context.session!;
      const expMs = session.idClaims.exp * 1000;
      console.log(`[faults] drift estimate: expiry held ${session.expiresAt - expMs} ms after exp (true clock skew 0)`);
      await sleep(expMs + 300 - Date.now());
      const outcome = await auth.fetch(`${apiOrigin}/api/notes`).then(
        (response) => `HTTP ${response.status}`,
        (error: unknown) => (error instanceof AuthError ? error.code : String(error)),
      );
      console.log(`[faults] API call 300 ms after exp, offline: ${outcome}; sent ${JSON.stringify(sent.slice(-1))}; API 401s ${api401}`);
      expect(sent.filter((send) => send.lateMs >= 0), 'expired tokens sent').toEqual([]);
      expect(outcome).toBe('offline');
    } finally {
      await cleanup();
      cleanups.delete(cleanup);
    }
  });
});
