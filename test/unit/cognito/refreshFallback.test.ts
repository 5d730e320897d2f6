import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from 'xstate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, createAuth, fetchTransport, memoryStorage, type TokenStorage } from '../../../machines/index.js';
import { failureToReport, mayFallBack, operationMissing } from '../../../machines/cognito/refreshFallback.js';
import { refreshApiKey } from '../../../machines/cognito/rememberedRefreshApi.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { serializeSession, storageKey } from '../../../machines/storage/storedSession.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

// `refreshApi: 'auto'` against a real HTTP server on loopback that answers GetTokensFromRefreshToken
// each way an endpoint without it does, through the default fetch transport.

const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);
type Answer = (res: ServerResponse) => void;

const json = (status: number, body: unknown): Answer => (res) =>
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
const bare = (status: number, contentType?: string, body = ''): Answer => (res) =>
  res.writeHead(status, contentType ? { 'content-type': contentType } : {}).end(body);
const fresh = (serial: number): Answer => {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial });
  return json(200, { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken } });
};

/** What each refresh operation answers; `hold` never answers (until the server stops). */
interface Script {
  getTokens: Answer | 'hold';
  initiateAuth: Answer;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function loopbackCognito(script: Script) {
  const seen: string[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target']).split('.')[1]!;
      seen.push(operation);
      if (operation === 'GetTokensFromRefreshToken') {
        if (script.getTokens !== 'hold') script.getTokens(res);
      } else if (operation === 'InitiateAuth' && JSON.parse(body).AuthFlow === 'REFRESH_TOKEN_AUTH') script.initiateAuth(res);
      else json(200, {})(res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { seen, endpoint: `http://127.0.0.1:${port}` };
}

/** An app load whose stored tokens expired while it was closed: it refreshes at once. */
function loadApp(storage: TokenStorage, endpoint: string) {
  const old = Date.now() - 2 * 3600_000;
  storage.setItem(KEY, serializeSession(createSession(makeTokenSet({ iatSeconds: Math.floor(old / 1000) }), TEST_POOL, old)));
  return createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage,
    transport: fetchTransport({ region: TEST_POOL.region, endpoint }),
    refreshApi: 'auto',
  });
}

const settled = (auth: ReturnType<typeof createAuth>) => waitFor(auth.actor, (s) => !s.hasTag('busy') || s.matches({ refreshing: 'retrying' }));

describe("refreshApi 'auto' on an endpoint without GetTokensFromRefreshToken", () => {
  it.each([
    ['UnknownOperationException', json(400, { __type: 'UnknownOperationException' })],
    ["cognito-local's Unsupported", json(500, { __type: 'CognitoLocal#Unsupported', message: 'Cognito Local unsupported feature' })],
    ['a bare 400', bare(400)],
    ['a 404 page', bare(404, 'text/plain', 'Not Found')],
    ['a bare 501', bare(501)],
    ['an HTML page with status 500', bare(500, 'text/html', '<html><body>Internal Server Error</body></html>')],
  ])('falls back to REFRESH_TOKEN_AUTH in the same attempt after %s, and remembers it across reloads', async (_, answer) => {
    const cognito = await loopbackCognito({ getTokens: answer, initiateAuth: fresh(1) });
    const storage = memoryStorage();
    const first = loadApp(storage, cognito.endpoint);
    expect((await settled(first)).value).toMatchObject({ signedIn: expect.anything() });
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth']);
    expect(storage.getItem(refreshApiKey(KEY))).toBe('initiateAuth');
    first.stop();

    cognito.seen.length = 0;
    const reloaded = loadApp(storage, cognito.endpoint);
    expect((await settled(reloaded)).value).toMatchObject({ signedIn: expect.anything() });
    expect(cognito.seen).toEqual(['InitiateAuth']);
    reloaded.stop();
  });

  it('ignores a remembered choice that is not one', async () => {
    const cognito = await loopbackCognito({ getTokens: fresh(2), initiateAuth: fresh(3) });
    const storage = memoryStorage();
    storage.setItem(refreshApiKey(KEY), '{"refreshApi":"initiateAuth"}');
    const auth = loadApp(storage, cognito.endpoint);
    expect((await settled(auth)).value).toMatchObject({ signedIn: expect.anything() });
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken']);
    auth.stop();
  });

  it('does not fall back when Cognito refuses the refresh token itself: the session ends', async () => {
    const cognito = await loopbackCognito({ getTokens: json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' }), initiateAuth: fresh(4) });
    const storage = memoryStorage();
    const auth = loadApp(storage, cognito.endpoint);
    const snapshot = await settled(auth);
    expect(snapshot.value).toBe('expired');
    expect(snapshot.context.error?.code).toBe('refreshRejected');
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken']);
    expect(storage.getItem(refreshApiKey(KEY))).toBeNull();
    auth.stop();
  });

  it('asks GetTokensFromRefreshToken before ending when a remembered InitiateAuth is refused (the client rotates now)', async () => {
    const cognito = await loopbackCognito({
      getTokens: fresh(6),
      initiateAuth: json(400, { __type: 'NotAuthorizedException', message: 'Refresh token rotation is enabled' }),
    });
    const storage = memoryStorage();
    storage.setItem(refreshApiKey(KEY), 'initiateAuth');
    const auth = loadApp(storage, cognito.endpoint);
    expect((await settled(auth)).value).toMatchObject({ signedIn: expect.anything() });
    expect(cognito.seen).toEqual(['InitiateAuth', 'GetTokensFromRefreshToken']);
    expect(storage.getItem(refreshApiKey(KEY))).toBeNull();
    auth.stop();
  });

  it("reports the fallback's refusal when the first operation is surely missing: a dead token ends the session", async () => {
    const cognito = await loopbackCognito({ getTokens: bare(404), initiateAuth: json(400, { __type: 'NotAuthorizedException', message: 'x' }) });
    const auth = loadApp(memoryStorage(), cognito.endpoint);
    const snapshot = await settled(auth);
    expect(snapshot.value).toBe('expired');
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth']);
    auth.stop();
  });

  it('retries a real outage (both calls fail) with backoff, reporting the first failure, remembering nothing', async () => {
    const outage = json(500, { __type: 'InternalErrorException', message: 'Internal error' });
    const cognito = await loopbackCognito({ getTokens: outage, initiateAuth: outage });
    const storage = memoryStorage();
    const auth = loadApp(storage, cognito.endpoint);
    const snapshot = await settled(auth);
    expect(snapshot.matches({ refreshing: 'retrying' })).toBe(true);
    expect(snapshot.context.error).toMatchObject({ code: 'serviceUnavailable', operation: 'GetTokensFromRefreshToken' });
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth']);
    expect(storage.getItem(refreshApiKey(KEY))).toBeNull();
    auth.stop();
  });

  it('keeps retrying when an HTML 500 answers both (it may be an outage in front of a real Cognito)', async () => {
    const page = bare(500, 'text/html', '<html>Internal Server Error</html>');
    const cognito = await loopbackCognito({ getTokens: page, initiateAuth: json(400, { __type: 'NotAuthorizedException', message: 'x' }) });
    const auth = loadApp(memoryStorage(), cognito.endpoint);
    const snapshot = await settled(auth);
    expect(snapshot.matches({ refreshing: 'retrying' })).toBe(true);
    expect(snapshot.context.error?.message).toContain('HTTP 500 with text/html');
    auth.stop();
  });

  it('does not fall back when the refresh is aborted (sign-out while GetTokensFromRefreshToken is in flight)', async () => {
    const cognito = await loopbackCognito({ getTokens: 'hold', initiateAuth: fresh(5) });
    const auth = loadApp(memoryStorage(), cognito.endpoint);
    await vi.waitFor(() => expect(cognito.seen).toContain('GetTokensFromRefreshToken'));
    await auth.signOut();
    await vi.waitFor(() => expect(cognito.seen).toContain('RevokeToken'));
    expect(cognito.seen).toEqual(['GetTokensFromRefreshToken', 'RevokeToken']);
    auth.stop();
  });
});

// The rules behind the answers above, one by one. A named Cognito error says the operation exists;
// an answer with only a status may be an emulator or a proxy.

const named = (code: ConstructorParameters<typeof AuthError>[0], cognitoName: string, status: number) =>
  new AuthError(code, 'named', { cognitoName, status });
const bareStatus = (status: number, code: ConstructorParameters<typeof AuthError>[0] = status >= 500 ? 'serviceUnavailable' : 'unknown') =>
  new AuthError(code, 'bare', { cognitoName: `HTTP${status}`, status });

describe('operationMissing', () => {
  it('an endpoint that says it lacks the operation, or answers with a status and no Cognito error name', () => {
    expect(operationMissing(named('unsupportedOperation', 'UnknownOperationException', 400))).toBe(true);
    expect(operationMissing(bareStatus(404))).toBe(true);
    expect(operationMissing(bareStatus(500))).toBe(true);
    expect(operationMissing(new AuthError('unknown', 'no name', { status: 400 }))).toBe(true);
  });

  it('not a named Cognito refusal, nor a request that got no answer', () => {
    expect(operationMissing(named('refreshRejected', 'NotAuthorizedException', 400))).toBe(false);
    expect(operationMissing(named('serviceUnavailable', 'InternalErrorException', 500))).toBe(false);
    expect(operationMissing(new AuthError('network', 'offline'))).toBe(false);
    expect(operationMissing(new AuthError('network', 'offline', { cognitoName: 'HTTP0' }))).toBe(false);
  });
});

describe('failureToReport when the fallback fails too', () => {
  const second = named('refreshRejected', 'NotAuthorizedException', 400);

  it("the fallback's answer when the first operation is surely missing", () => {
    expect(failureToReport(named('unsupportedOperation', 'UnknownOperationException', 400), second)).toBe(second);
    expect(failureToReport(bareStatus(400), second)).toBe(second);
    expect(failureToReport(bareStatus(404), second)).toBe(second);
    expect(failureToReport(bareStatus(501), second)).toBe(second);
  });

  it('the first failure when it may be an outage or a real refusal', () => {
    for (const first of [bareStatus(500), bareStatus(502), bareStatus(503), named('tooManyRequests', 'TooManyRequestsException', 400), new AuthError('network', 'offline')]) {
      expect(failureToReport(first, second)).toBe(first);
    }
  });
});

describe('mayFallBack', () => {
  it('never after a final answer about the token, or a timeout', () => {
    for (const code of ['refreshRejected', 'invalidToken', 'unsupportedChallenge', 'timeout'] as const) expect(mayFallBack(new AuthError(code, code))).toBe(false);
    for (const code of ['unsupportedOperation', 'unknown', 'serviceUnavailable', 'network'] as const) expect(mayFallBack(new AuthError(code, code))).toBe(true);
  });
});
