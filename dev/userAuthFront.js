// @ts-check
// The dev world's user pool endpoint for choice-based sign-in: Cognito's JSON protocol on
// loopback (POST /, `X-Amz-Target: AWSCognitoIdentityProviderService.<Op>`,
// `application/x-amz-json-1.1`), answering what cognito-local lacks with the USER_AUTH pool
// (userAuthPool.js) and forwarding everything else to cognito-local unchanged, so password
// sign-in, sign-up, MFA and the JWKS keep working through the one endpoint the app is given.
// With `trackDevices`, every sign-in goes through Cognito's device tracking (deviceTracking.js).
import { createServer } from 'node:http';
import { createDeviceTracking } from './deviceTracking.js';
import { createUserAuthPool, UserAuthPoolError } from './userAuthPool.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_TYPE = 'application/x-amz-json-1.1';
// As cognito-local answers: any origin may call (tokens travel in bodies, never in cookies).
const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * @typedef {object} UserAuthFrontOptions
 * @property {string} cognitoEndpoint  cognito-local, e.g. `http://127.0.0.1:PORT`: its issuer domain too
 * @property {string} [issuerDomain]  cognito-local's `TokenConfig.IssuerDomain` when it is not its
 *   endpoint (the dev world may make it this front's endpoint, the one address the app and the demo
 *   API are given); the pool's tokens and the access tokens it accepts carry `${issuerDomain}/${userPoolId}`
 * @property {string} userPoolId
 * @property {string} clientId
 * @property {Record<string, unknown>} signingKey  cognito-local's (`cognitoLocalSigningKey()`): the
 *   front's tokens are then cognito-local's to every verifier, and cognito-local's access tokens
 *   are accepted by the passkey operations
 * @property {import('./userAuthPool.js').PoolUser[]} users  the same usernames and subs as in cognito-local
 * @property {string[]} origins  the app's origins, e.g. `http://localhost:5173` (not 127.0.0.1: WebAuthn needs a domain)
 * @property {string} rpId  the app's hostname: `localhost`
 * @property {number} [port]  default: a free one
 * @property {number} [tokenSeconds]  ID and access token lifetime; default 3600
 * @property {boolean} [printCodes]  print one-time codes to the console as cognito-local does; default false (tests)
 * @property {boolean} [trackDevices]  Cognito's device tracking, "user opt-in" (deviceTracking.js): every
 *   sign-in, cognito-local's included, gets a device, and its refreshes need that device's key; default false
 */

/**
 * @typedef {object} UserAuthFront
 * @property {string} endpoint  `http://127.0.0.1:<port>`: the app's `endpoint`
 * @property {() => Promise<void>} stop
 * @property {(username: string) => string | undefined} lastCode  the last one-time code sent to a user
 */

/**
 * @param {UserAuthFrontOptions} options
 * @returns {Promise<UserAuthFront>}
 */
export async function startUserAuthFront(options) {
  const cognitoEndpoint = options.cognitoEndpoint.replace(/\/+$/, '');
  const issuer = `${options.issuerDomain ?? cognitoEndpoint}/${options.userPoolId}`;
  const pool = createUserAuthPool({
    issuer,
    clientId: options.clientId,
    signingKey: options.signingKey,
    users: options.users,
    origins: options.origins,
    rpId: options.rpId,
    rpName: 'authchart (local)',
    // PASSWORD is cognito-local's to check; its tokens come back as they are.
    delegate: (operation, input) => callCognitoLocal(cognitoEndpoint, operation, input),
    ...(options.tokenSeconds === undefined ? {} : { tokenSeconds: options.tokenSeconds }),
    ...(options.printCodes ? { onCode: printCode } : {}),
  });
  const devices = options.trackDevices ? createDeviceTracking({ issuer, userPoolId: options.userPoolId, signingKey: options.signingKey }) : undefined;
  /** What answers an operation when devices are not its business: the pool, else cognito-local. @type {import('./deviceTracking.js').Next} */
  const poolOrCognitoLocal = (operation, input) => (pool.answers(operation, input) ? pool.call(operation, input) : callCognitoLocal(cognitoEndpoint, operation, input));

  const server = createServer((request, response) => {
    answer(request, response).catch((error) => {
      console.error(`userAuthFront: ${error instanceof Error ? error.message : error}`);
      if (!response.headersSent) send(response, 500, { __type: 'InternalErrorException', message: 'The local USER_AUTH front failed.' });
    });
  });

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async function answer(request, response) {
    if (request.method === 'OPTIONS') {
      const headers = request.headers['access-control-request-headers'] ?? '*';
      response.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET,POST', 'Access-Control-Allow-Headers': headers }).end();
      return;
    }
    const body = await bodyOf(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    const input = target.startsWith(TARGET_PREFIX) ? parseObject(body) : null;
    const operation = target.slice(TARGET_PREFIX.length);
    const withDevices = input && devices?.answers(operation) ? devices : undefined;
    if (request.method !== 'POST' || !input || !(withDevices || pool.answers(operation, input))) return forward(request, response, body);
    try {
      send(response, 200, withDevices ? await withDevices.call(operation, input, poolOrCognitoLocal) : await pool.call(operation, input));
    } catch (error) {
      if (!(error instanceof UserAuthPoolError)) throw error;
      send(response, error.status, { __type: error.name, message: error.message });
    }
  }

  /**
   * cognito-local's answer, status and body unchanged.
   * @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response @param {string} body
   */
  async function forward(request, response, body) {
    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of ['content-type', 'x-amz-target']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const method = request.method ?? 'GET';
    const answered = await fetch(`${cognitoEndpoint}${request.url ?? '/'}`, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) });
    const forwarded = { ...CORS, 'Content-Type': answered.headers.get('content-type') ?? JSON_TYPE };
    const errorType = answered.headers.get('x-amzn-errortype');
    response.writeHead(answered.status, errorType ? { ...forwarded, 'x-amzn-errortype': errorType } : forwarded).end(await answered.text());
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    lastCode: (username) => pool.lastCode(username),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * One call to cognito-local; its refusals as the pool's errors (Cognito's `__type` and message).
 * @param {string} endpoint @param {string} operation @param {Record<string, unknown>} input
 */
async function callCognitoLocal(endpoint, operation, input) {
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: { 'Content-Type': JSON_TYPE, 'X-Amz-Target': `${TARGET_PREFIX}${operation}` },
    body: JSON.stringify(input),
  });
  const body = parseObject(await response.text()) ?? {};
  if (response.ok) return body;
  const type = String(body['__type'] ?? `HTTP${response.status}`);
  const error = new UserAuthPoolError(type.slice(type.lastIndexOf('#') + 1), String(body['message'] ?? ''));
  error.status = response.status;
  throw error;
}

/**
 * The dev console's copy of a "sent" code, as cognito-local prints its own (never in tests).
 * @param {string} username @param {string} code @param {string} destination
 */
function printCode(username, code, destination) {
  console.log(['', '  USER_AUTH one-time code', `  Username:    ${username}`, `  Destination: ${destination}`, `  Code:        ${code}`, ''].join('\n'));
}

/** @param {string} text @returns {Record<string, any> | null} */
function parseObject(text) {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** @param {import('node:http').ServerResponse} response @param {number} status @param {unknown} body */
function send(response, status, body) {
  response.writeHead(status, { ...CORS, 'Content-Type': JSON_TYPE }).end(JSON.stringify(body));
}

/** @param {import('node:http').IncomingMessage} request @returns {Promise<string>} */
async function bodyOf(request) {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}
