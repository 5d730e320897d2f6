import type { CognitoOperation, CognitoOperations, CognitoTransport } from './CognitoTransport.js';
import { cognitoErrorName, mapCognitoError, networkError, timeoutError } from './mapCognitoError.js';

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
    const authFlow = 'AuthFlow' in input ? input.AuthFlow : undefined;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    let response: Response;
    let body: unknown;
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
      body = await readJson(response);
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      if (timeout.aborted) throw timeoutError(operation, error);
      throw networkError(operation, error);
    }
    if (response.ok) return body as CognitoOperations[Op]['output'];
    const type = response.headers.get('x-amzn-errortype') ?? stringField(body, '__type') ?? `HTTP${response.status}`;
    const message = stringField(body, 'message') ?? stringField(body, 'Message') ?? '';
    throw mapCognitoError(operation, authFlow, { name: cognitoErrorName(type), message, status: response.status });
  }

  return { call };
}

/** An empty or non-JSON body (a proxy's HTML error page) reads as `{}`. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
