import { createServer, type IncomingMessage, type Server } from 'node:http';
import { waitFor } from 'xstate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDemoApi } from '../../dev/demoApi.js';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { topState } from '../support/topState.js';

const cognito = inject('cognito');

/** jtis the API refuses, as an API with its own revocation list would; `*` refuses all. */
const refused = new Set<string>();
let api: Server;
let apiOrigin: string;

function jtiOf(request: IncomingMessage): string | undefined {
  const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { jti?: string }).jti;
}

beforeAll(async () => {
  const demoApi = createDemoApi({
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
    region: cognito.region,
    endpoint: cognito.endpoint,
  });
  api = createServer((request, response) => {
    const jti = jtiOf(request);
    if (refused.has('*') || (jti && refused.has(jti))) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized","message":"revoked"}');
      return;
    }
    demoApi(request, response);
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const address = api.address();
  apiOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => api.close(resolve));
});

/** Signs in the demo user with a clock that tests can move forward, counting refreshes on the wire. */
async function signedIn() {
  let offsetMs = 0;
  let refreshRequests = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    if (typeof init?.body === 'string' && init.body.includes('"REFRESH_TOKEN_AUTH"')) refreshRequests += 1;
    return fetch(input, init);
  };
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
    endpoint: cognito.endpoint,
    storage: memoryStorage(),
    apiOrigins: [apiOrigin],
    fetch: countingFetch,
    clock: { now: () => Date.now() + offsetMs },
  });
  await auth.signIn(cognito.demoUser);
  return {
    auth,
    refreshRequests: () => refreshRequests,
    /** Moves the app's clock to `seconds` before the 5-minute tokens expire. */
    moveToSecondsBeforeExpiry: (seconds: number) => {
      offsetMs = (300 - seconds) * 1000;
    },
  };
}

describe('auth.fetch against cognito-local and the demo API', () => {
  it.each([50, 500])('%i concurrent calls with tokens about to expire share exactly one refresh', async (calls) => {
    const { auth, refreshRequests, moveToSecondsBeforeExpiry } = await signedIn();
    moveToSecondsBeforeExpiry(30);
    const responses = await Promise.all(Array.from({ length: calls }, () => auth.fetch(`${apiOrigin}/api/notes`)));
    expect(responses.filter((response) => response.status === 200)).toHaveLength(calls);
    expect(refreshRequests()).toBe(1);
    expect(auth.actor.getSnapshot().context.refreshCount).toBe(1);
    console.log(`${calls} concurrent auth.fetch calls → ${refreshRequests()} refresh request(s) to Cognito`);
    auth.stop();
  });

  it('after a 401 refreshes once and replays once', async () => {
    const { auth, refreshRequests } = await signedIn();
    refused.add(auth.actor.getSnapshot().context.session!.idClaims.jti!);
    const response = await auth.fetch(`${apiOrigin}/api/profile`);
    expect(response.status).toBe(200);
    expect(refreshRequests()).toBe(1);
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    auth.stop();
  });

  it('a second 401 ends the session as revoked, with no further requests', async () => {
    const { auth, refreshRequests } = await signedIn();
    refused.add('*');
    try {
      const response = await auth.fetch(`${apiOrigin}/api/profile`);
      expect(response.status).toBe(401);
      expect(refreshRequests()).toBe(1);
      const snapshot = await waitFor(auth.actor, (s) => s.matches('expired'));
      expect(snapshot.context.endReason).toBe('revoked');
      await expect(auth.fetch(`${apiOrigin}/api/profile`)).rejects.toMatchObject({ code: 'sessionExpired' });
      expect(refreshRequests()).toBe(1);
    } finally {
      refused.delete('*');
      auth.stop();
    }
  });
});
