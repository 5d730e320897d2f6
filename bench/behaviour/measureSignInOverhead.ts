import { waitFor } from 'xstate';
import { LOCAL_POOL } from '../../dev/localPool.js';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { median } from '../support/stats.js';

export interface SignInOverheadResult {
  runs: number;
  /** Median of `auth.signIn` (InitiateAuth, token checks, state changes, storage). */
  authchartMedianMs: number;
  /** Median of one bare InitiateAuth USER_PASSWORD_AUTH fetch, response parsed. */
  bareMedianMs: number;
  /** authchartMedianMs ÷ bareMedianMs. */
  ratio: number;
}

const WARMUP_RUNS = 5;

/**
 * `auth.signIn` against a bare InitiateAuth call to the same emulator, alternating which goes
 * first so that drift (the emulator's data file grows with every sign-in) hits both alike.
 */
export async function measureSignInOverhead(cognitoEndpoint: string, runs = 30): Promise<SignInOverheadResult> {
  const authchart: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + runs; run++) {
    const measure = [() => timeAuthchartSignIn(cognitoEndpoint), () => timeBareSignIn(cognitoEndpoint)] as const;
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    const times = [0, 0];
    for (const which of order) times[which] = await measure[which as 0 | 1]();
    if (run < WARMUP_RUNS) continue;
    authchart.push(times[0]!);
    bare.push(times[1]!);
  }
  const authchartMedianMs = median(authchart);
  const bareMedianMs = median(bare);
  return { runs, authchartMedianMs, bareMedianMs, ratio: authchartMedianMs / bareMedianMs };
}

async function timeAuthchartSignIn(endpoint: string): Promise<number> {
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    endpoint,
    storage: memoryStorage(),
  });
  try {
    await waitFor(auth.actor, (s) => !s.matches('restoring'), { timeout: 5_000 });
    const started = performance.now();
    await auth.signIn(LOCAL_POOL.demoUser);
    return performance.now() - started;
  } finally {
    auth.stop();
  }
}

async function timeBareSignIn(endpoint: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: LOCAL_POOL.clientId,
      AuthParameters: { USERNAME: LOCAL_POOL.demoUser.username, PASSWORD: LOCAL_POOL.demoUser.password },
    }),
  });
  const body = (await response.json()) as { AuthenticationResult?: { IdToken?: string } };
  if (!body.AuthenticationResult?.IdToken) throw new Error(`InitiateAuth answered ${response.status}`);
  return performance.now() - started;
}
