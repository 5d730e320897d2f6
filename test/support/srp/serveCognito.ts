// A transport fake served over HTTP as Cognito's JSON protocol (X-Amz-Target, application/
// x-amz-json-1.1; errors as `__type` with status 400), on 127.0.0.1, so that real clients (the
// reference client, a browser) and authchart's fetchTransport talk to it. Extra `files` are served
// as they are (a test page and its script).
import { createServer, type IncomingMessage } from 'node:http';
import type { AuthError, CognitoOperation, CognitoTransport } from '../../../machines/index.js';
import { serveOnLoopback, type LoopbackServer } from '../serveOnLoopback.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

export async function serveCognito(
  transport: CognitoTransport,
  files: Record<string, { type: string; body: string }> = {},
): Promise<LoopbackServer> {
  const server = createServer(async (request, response) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST' };
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    const file = files[request.url ?? ''];
    if (request.method === 'GET' && file) return response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
    const target = String(request.headers['x-amz-target'] ?? '');
    if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) return response.writeHead(404).end();
    const json = { ...cors, 'Content-Type': 'application/x-amz-json-1.1' };
    try {
      const input = JSON.parse(await bodyOf(request)) as never;
      const output = await transport.call(target.slice(TARGET_PREFIX.length) as CognitoOperation, input);
      response.writeHead(200, json).end(JSON.stringify(output));
    } catch (error) {
      const failure = error as AuthError;
      const type = failure.cognitoName ?? 'InternalErrorException';
      response.writeHead(type === 'InternalErrorException' ? 500 : 400, json).end(JSON.stringify({ __type: type, message: failure.message }));
    }
  });
  return serveOnLoopback(server);
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}
