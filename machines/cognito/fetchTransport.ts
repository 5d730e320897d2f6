import type { CognitoOperation, CognitoOperations, CognitoTransport } from './CognitoTransport.js';
import { flowOf } from './flowOf.js';
import { cognitoErrorName, mapCognitoError, networkError, notCognitoAnswer, timeoutError } from './mapCognitoError.js';

export interface FetchTransportOptions {
  region: string;
  /** Overrides the regional endpoint, e.g. `http://127.0.0.1:9229` for cognito-local. */
  endpoint?: string;
  /** The fetch to use; defaults to the global one. Tests and proxies pass their own. */
  fetch?: typeof globalThis.fetch;
  /** Give up on a request after this long (default 10 s): a hung connection must not hang sign-in. */
  timeoutMs?: number;
}

export function cognitoEndpoint(region: string, endpoint: string | undefined): string {
  return endpoint ?? `https://cognito-idp.${region}.amazonaws.com/`;
}

/**
 * The default transport: Cognito's user-pool API is an unsigned JSON POST, so a few lines of
 * fetch replace the ~52 KB (gzip) AWS SDK client in a browser bundle.
 */
export function fetchTransport(options: FetchTransportOptions): CognitoTransport {
  const url = cognitoEndpoint(options.region, options.endpoint);
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call<Op extends CognitoOperation>(
    operation: Op,
    input: CognitoOperations[Op]['input'],
    callOptions: { signal?: AbortSignal } = {},
  ): Promise<CognitoOperations[Op]['output']> {
    const authFlow = flowOf(input);
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    let response: Response;
    let body: Answer;
    try {
      response = await send(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(input),
        // Tokens travel in the body only; no cookies or credentials are needed or wanted.
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      body = await readAnswer(response);
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      if (timeout.aborted) throw timeoutError(operation, error);
      throw networkError(operation, error);
    }
    if (response.ok) {
      if (body.json !== undefined) return body.json as CognitoOperations[Op]['output'];
      throw notCognitoAnswer(operation, response.status, body.describe);
    }
    const type = response.headers.get('x-amzn-errortype') ?? stringField(body.json, '__type') ?? `HTTP${response.status}`;
    const message = stringField(body.json, 'message') ?? stringField(body.json, 'Message') ?? '';
    throw mapCognitoError(operation, authFlow, {
      name: cognitoErrorName(type),
      message,
      status: response.status,
      ...(body.json === undefined ? { answer: body.describe } : {}),
    });
  }

  return { call };
}

/** A response body: its JSON when it is JSON, else only what it was (never its text). */
interface Answer {
  json: unknown;
  describe: string;
}

/**
 * Reads the body as JSON only when it is JSON: the content type says so (Cognito sends
 * `application/x-amz-json-1.1`; an absent type is given the benefit of the doubt) and it parses.
 * A proxy's or an emulator's HTML page is described by status and content type alone, since a
 * page that echoes the request could hold a token.
 */
async function readAnswer(response: Response): Promise<Answer> {
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const describe = `the service answered HTTP ${response.status} with ${contentType ? contentType.slice(0, 80) : 'no content type'}, not JSON`;
  const text = await response.text();
  if (contentType !== '' && !contentType.includes('json')) return { json: undefined, describe };
  // Cognito answers `{}` when there is nothing to say; an empty body means the same.
  if (text.trim() === '') return { json: {}, describe };
  try {
    return { json: JSON.parse(text), describe };
  } catch {
    return { json: undefined, describe: `the service answered HTTP ${response.status} with a body that is not valid JSON` };
  }
}

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
