import { describe, expect, it } from 'vitest';
import { AuthError, fetchTransport } from '../../../machines/index.js';
import { recordWireRequest } from '../../support/wire/recordWireRequest.js';

// How fetchTransport reads what comes back, and how it ends a call that got no answer. The
// answers are in the shapes of Cognito's AWS JSON 1.1 protocol (a `__type` or an
// `x-amzn-errortype` header, `message` or `Message`); cognito-local's own are in the contract suite.

const signIn = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client', AuthParameters: { USERNAME: 'demo', PASSWORD: 'pw' } } as const;

function transport(respond: (init: RequestInit) => Response | Promise<Response>, timeoutMs?: number) {
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    const target = (init?.headers as Record<string, string>)['X-Amz-Target']!;
    recordWireRequest('fetchTransport', target.replace('AWSCognitoIdentityProviderService.', ''), JSON.parse(String(init?.body)));
    return respond(init ?? {});
  };
  return fetchTransport({ region: 'us-east-1', fetch: fetch as typeof globalThis.fetch, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

/** A body with no content-type header at all (new Response(string) would add text/plain). */
const untyped = (status: number, text: string) => new Response(new TextEncoder().encode(text), { status });
const typed = (status: number, text: string, contentType = 'application/x-amz-json-1.1') =>
  new Response(text, { status, headers: { 'content-type': contentType } });

/** A fetch that answers only when aborted, with the signal's reason, as the platform's does. */
const hangs = (init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('fetchTransport answers', () => {
  it('reads JSON without a content type, or with one in any case and with parameters', async () => {
    expect(await transport(() => untyped(200, '{"Session":"s"}')).call('InitiateAuth', signIn)).toEqual({ Session: 's' });
    const upper = transport(() => typed(200, '{"Session":"t"}', ' Application/X-Amz-JSON-1.1 ; charset=UTF-8'));
    expect(await upper.call('InitiateAuth', signIn)).toEqual({ Session: 't' });
  });

  it('an empty or blank body means "nothing to say": {}', async () => {
    expect(await transport(() => typed(200, '')).call('RevokeToken', { Token: 'r', ClientId: 'c' })).toEqual({});
    expect(await transport(() => typed(200, ' \n')).call('RevokeToken', { Token: 'r', ClientId: 'c' })).toEqual({});
  });

  it('describes a non-JSON answer by its bare media type, without parameters or spaces', async () => {
    const error = (await failure(transport(() => typed(502, '<html>proxy</html>', 'text/html ; charset=utf-8')).call('InitiateAuth', signIn))) as AuthError;
    expect(error.message).toContain('(the service answered HTTP 502 with text/html, not JSON)');
  });

  it('says a long content type only in part', async () => {
    const long = `text/${'x'.repeat(200)}`;
    const error = (await failure(transport(() => typed(200, 'hello', long)).call('InitiateAuth', signIn))) as AuthError;
    expect(error).toMatchObject({ code: 'network' });
    expect(error.message).toContain(long.slice(0, 80));
    expect(error.message).not.toContain(long.slice(0, 81));
  });

  it("takes Cognito's message from `message` or `Message`; a JSON refusal carries nothing else", async () => {
    const lower = (await failure(transport(() => typed(400, '{"__type":"OddException","message":"odd thing"}')).call('InitiateAuth', signIn))) as AuthError;
    expect(lower).toMatchObject({ code: 'unknown', retryable: false, status: 400, message: 'odd thing' });
    const upper = (await failure(transport(() => typed(400, '{"__type":"OddException","Message":"Odd Thing"}')).call('InitiateAuth', signIn))) as AuthError;
    expect(upper.message).toBe('Odd Thing');
  });

  it('a refusal without a message says which operation failed', async () => {
    const error = (await failure(transport(() => typed(400, '{"__type":"OddException"}')).call('GetUser', { AccessToken: 'a' }))) as AuthError;
    expect(error).toMatchObject({ code: 'unknown', cognitoName: 'OddException', message: 'GetUser failed.' });
  });

  it.each(['null', '"a string"', '[1]', '{"__type":42,"message":7}'])('a refusal whose JSON is %s is still an AuthError named by its status', async (body) => {
    const error = (await failure(transport(() => typed(400, body)).call('InitiateAuth', signIn))) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ cognitoName: 'HTTP400', status: 400, code: 'unknown', message: 'InitiateAuth failed.' });
  });
});

describe('fetchTransport without an answer', () => {
  it('a service that never answers is a retryable timeout after timeoutMs, with or without a caller signal', async () => {
    const alone = (await failure(transport(hangs, 20).call('InitiateAuth', signIn))) as AuthError;
    expect(alone).toMatchObject({ code: 'timeout', retryable: true, operation: 'InitiateAuth', message: expect.stringContaining('did not answer in time') });
    expect(alone.cause).toBeInstanceOf(DOMException);

    const withSignal = transport(hangs, 20).call('InitiateAuth', signIn, { signal: new AbortController().signal });
    expect(await failure(withSignal)).toMatchObject({ code: 'timeout' });
  });

  it("the caller's abort ends the request at once and comes back as it is, not as an outage to retry", async () => {
    const controller = new AbortController();
    let sent!: () => void;
    const wasSent = new Promise<void>((resolve) => (sent = resolve));
    const call = transport((init) => {
      sent();
      return hangs(init);
    }).call('InitiateAuth', signIn, { signal: controller.signal });
    await wasSent;
    const reason = new DOMException('signed out', 'AbortError');
    controller.abort(reason);
    expect(await failure(call)).toBe(reason);
  });
});
