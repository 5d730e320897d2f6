import { waitFor } from 'xstate';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { startCognitoProxy } from '../support/startCognitoProxy.js';
import { median, percentile } from '../support/stats.js';

export interface RestoreResult {
  runs: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  /** Runs that ended in `signedIn` (all of them, or the figure is wrong). */
  signedInRuns: number;
  /** Requests through the app's fetch (Cognito or anything else) during all the timed runs. */
  fetchCalls: number;
  /** Calls that reached the emulator during all the timed runs. */
  cognitoCalls: number;
}

const WARMUP_RUNS = 5;

/**
 * Time from `createAuth` to `signedIn` when storage already holds valid tokens (a page reload),
 * in Node with an in-memory storage, and the network calls made doing it.
 */
export async function measureRestore(cognitoEndpoint: string, runs = 50): Promise<RestoreResult> {
  const proxy = await startCognitoProxy({ target: cognitoEndpoint });
  let fetchCalls = 0;
  const countingFetch: typeof fetch = (input, init) => {
    fetchCalls += 1;
    return fetch(input, init);
  };
  const storage = memoryStorage('bench');
  const config = {
    authFlow: 'USER_PASSWORD_AUTH' as const,
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    endpoint: proxy.endpoint,
    issuer: `${cognitoEndpoint}/${LOCAL_POOL.userPoolId}`,
    storage,
    fetch: countingFetch,
  };
  try {
    const signingIn = createAuth(config);
    await signingIn.signIn(LOCAL_POOL.demoUser);
    signingIn.stop();
    proxy.reset();
    fetchCalls = 0;

    const times: number[] = [];
    let signedInRuns = 0;
    for (let run = 0; run < WARMUP_RUNS + runs; run++) {
      const started = performance.now();
      const auth = createAuth(config);
      const snapshot = await waitFor(auth.actor, (s) => !s.matches('restoring'), { timeout: 5_000 });
      const elapsed = performance.now() - started;
      auth.stop();
      if (run < WARMUP_RUNS) continue;
      times.push(elapsed);
      if (snapshot.matches('signedIn')) signedInRuns += 1;
    }
    return {
      runs,
      medianMs: median(times),
      p90Ms: percentile(times, 90),
      maxMs: Math.max(...times),
      signedInRuns,
      fetchCalls,
      cognitoCalls: proxy.calls.length,
    };
  } finally {
    await proxy.stop();
  }
}
