import { createServer } from 'node:http';
import { createDemoApi } from '../../dev/demoApi.js';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { serveOnLoopback, type LoopbackServer } from '../../test/support/serveOnLoopback.js';
import { startCognitoProxy } from '../support/startCognitoProxy.js';

export interface RefreshEconomyRow {
  /** Concurrent `auth.fetch` calls made 30 s before the tokens expire. */
  concurrentCalls: number;
  /** Refresh requests that reached the emulator. */
  refreshCalls: number;
  /** Responses with status 200 (all of them, or the figure is wrong). */
  ok: number;
  wallMs: number;
}

/** Seconds before expiry at which the burst comes: inside the default 60-second refresh lead. */
const SECONDS_BEFORE_EXPIRY = 30;
/** The local app client's token lifetime. */
const LIFETIME_SECONDS = 300;

/**
 * N concurrent `auth.fetch` calls to the demo API (which verifies ID tokens like API Gateway's
 * Cognito authorizer) when the tokens are about to expire, and how many refresh requests that
 * makes at the emulator. The app's clock is moved forward instead of waiting 4.5 minutes.
 */
export async function measureRefreshEconomy(cognitoEndpoint: string, counts: readonly number[]): Promise<RefreshEconomyRow[]> {
  const proxy = await startCognitoProxy({ target: cognitoEndpoint });
  const api = await startDemoApi(cognitoEndpoint);
  try {
    const rows: RefreshEconomyRow[] = [];
    for (const concurrentCalls of counts) {
      let offsetMs = 0;
      const auth = createAuth({
        authFlow: 'USER_PASSWORD_AUTH',
        userPoolId: LOCAL_POOL.userPoolId,
        clientId: LOCAL_POOL.clientId,
        endpoint: proxy.endpoint,
        issuer: `${cognitoEndpoint}/${LOCAL_POOL.userPoolId}`,
        storage: memoryStorage(),
        apiOrigins: [api.origin],
        clock: { now: () => Date.now() + offsetMs },
      });
      try {
        await auth.signIn(LOCAL_POOL.demoUser);
        proxy.reset();
        offsetMs = (LIFETIME_SECONDS - SECONDS_BEFORE_EXPIRY) * 1000;
        const started = performance.now();
        const responses = await Promise.all(
          Array.from({ length: concurrentCalls }, async () => {
            const response = await auth.fetch(`${api.origin}/api/notes`);
            await response.arrayBuffer();
            return response.status;
          }),
        );
        rows.push({
          concurrentCalls,
          refreshCalls: proxy.refreshCalls().length,
          ok: responses.filter((status) => status === 200).length,
          wallMs: Math.round(performance.now() - started),
        });
      } finally {
        auth.stop();
      }
    }
    return rows;
  } finally {
    await api.stop();
    await proxy.stop();
  }
}

async function startDemoApi(cognitoEndpoint: string): Promise<LoopbackServer> {
  const demoApi = createDemoApi({
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    region: LOCAL_POOL.region,
    endpoint: cognitoEndpoint,
  });
  return serveOnLoopback(createServer((request, response) => demoApi(request, response)));
}
