import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { serveOnLoopback } from '../../test/support/serveOnLoopback.js';

/** One Cognito call as the proxy saw it. */
export interface ProxiedCall {
  /** The X-Amz-Target operation, e.g. `InitiateAuth`. */
  operation: string;
  /** InitiateAuth's AuthFlow, when there is one. */
  authFlow?: string;
  /** A refresh: GetTokensFromRefreshToken, or InitiateAuth with REFRESH_TOKEN_AUTH. */
  refresh: boolean;
  /** `performance.now()` when it arrived, before the added latency. */
  at: number;
  status: number;
}

export interface CognitoProxy {
  /** `http://127.0.0.1:PORT`: use as the Cognito endpoint. */
  endpoint: string;
  /** Every call (not CORS preflights) since start or the last `reset()`. */
  readonly calls: readonly ProxiedCall[];
  /** Refresh calls since start or the last `reset()`. */
  refreshCalls(): ProxiedCall[];
  /** Forgets the calls seen so far. */
  reset(): void;
  stop(): Promise<void>;
}

export interface CognitoProxyOptions {
  /** Where cognito-local listens. */
  target: string;
  /** Added before every Cognito call is forwarded (not to CORS preflights). Default 0. */
  latencyMs?: number;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
/** Bodies of user-pool calls are small; anything bigger is not a Cognito call. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A loopback proxy in front of cognito-local that sees every Cognito call (so refreshes are
 * counted on the emulator's side, whoever sends them), can add latency, and answers
 * GetTokensFromRefreshToken, which cognito-local lacks (Amplify v6 refreshes only with it), by
 * calling InitiateAuth REFRESH_TOKEN_AUTH: the same tokens a pool without refresh-token rotation
 * would return.
 */
export async function startCognitoProxy(options: CognitoProxyOptions): Promise<CognitoProxy> {
  const latencyMs = options.latencyMs ?? 0;
  let calls: ProxiedCall[] = [];
  const stopping = new AbortController();

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    const headers = forwardedHeaders(request);
    let forwardBody: string | undefined = request.method === 'POST' ? body : undefined;
    let call: ProxiedCall | undefined;
    const target = request.headers['x-amz-target'];
    if (request.method === 'POST' && typeof target === 'string' && target.startsWith(TARGET_PREFIX)) {
      const operation = target.slice(TARGET_PREFIX.length);
      const input = parseJson(body);
      const authFlow = typeof input['AuthFlow'] === 'string' ? input['AuthFlow'] : undefined;
      call = {
        operation,
        ...(authFlow ? { authFlow } : {}),
        refresh: operation === 'GetTokensFromRefreshToken' || authFlow === 'REFRESH_TOKEN_AUTH',
        at: performance.now(),
        status: 0,
      };
      calls.push(call);
      if (operation === 'GetTokensFromRefreshToken') {
        headers['x-amz-target'] = `${TARGET_PREFIX}InitiateAuth`;
        forwardBody = JSON.stringify({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: input['ClientId'],
          AuthParameters: { REFRESH_TOKEN: input['RefreshToken'] },
        });
      }
      if (latencyMs > 0) await delay(latencyMs, undefined, { signal: stopping.signal });
    }
    const upstream = await fetch(new URL(request.url ?? '/', options.target), {
      method: request.method ?? 'GET',
      headers,
      ...(forwardBody !== undefined ? { body: forwardBody } : {}),
      signal: stopping.signal,
    });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (call) call.status = upstream.status;
    const responseHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) {
        responseHeaders[name] = value;
      }
    });
    response.writeHead(upstream.status, { ...responseHeaders, 'content-length': String(answer.length) }).end(answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end('{"__type":"BenchProxyError","message":"proxy could not reach cognito-local"}');
    });
  });
  const listening = await serveOnLoopback(server);

  return {
    endpoint: listening.origin,
    get calls() {
      return calls;
    },
    refreshCalls: () => calls.filter((call) => call.refresh),
    reset: () => {
      calls = [];
    },
    stop: async () => {
      stopping.abort();
      await listening.stop();
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request) {
    const buffer = part as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large for a Cognito call');
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

function forwardedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'].includes(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
