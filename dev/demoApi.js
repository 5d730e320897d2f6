import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtBaseError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { DEMO_ROUTES } from './demoRoutes.js';
import { createIdTokenVerifier } from './idTokenVerifier.js';

/** @typedef {import('./idTokenVerifier.js').IdTokenVerifierOptions} DemoApiOptions */
/** @typedef {import('aws-jwt-verify/jwt-model').JwtPayload} Claims */
/**
 * Connect-style, so Vite's `server.middlewares.use` and a bare `node:http` server both take it.
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: (error?: unknown) => void) => void} Middleware
 */

// Fixed reasons per failure: error messages of the library can quote parts of the token.
/** @type {[new (...args: any[]) => Error, string][]} */
const REASONS = [
  [JwtParseError, 'malformed token'],
  [JwtInvalidSignatureAlgorithmError, 'unsupported signature algorithm'],
  [JwtWithoutValidKidError, 'token has no key id'],
  [KidNotFoundInJwksError, 'token signed by an unknown key'],
  [WaitPeriodNotYetEndedJwkError, 'token signed by an unknown key'],
  [JwtInvalidSignatureError, 'invalid signature'],
  [JwtExpiredError, 'token expired'],
  [JwtNotBeforeError, 'token not valid yet'],
  [JwtInvalidIssuerError, 'token from another issuer'],
  [CognitoJwtInvalidTokenUseError, 'an ID token is required'],
  [JwtInvalidAudienceError, 'token issued to another client'],
  [CognitoJwtInvalidClientIdError, 'token issued to another client'],
];

/**
 * A small API that answers only to valid ID tokens of one app client, as an API Gateway
 * with a Cognito authorizer would: `GET /api/profile` → `{ claims }`, `GET /api/notes` →
 * `{ owner, notes }` (the table in dev/demoRoutes.js, which the deployed API's Lambda shares).
 * The token comes in `Authorization`, raw or as `Bearer <token>`. Bad tokens get 401
 * `{ error: "unauthorized", message }`; other paths go to `next()`.
 * @param {DemoApiOptions} options  with `endpoint` for cognito-local, without for real Cognito
 * @returns {Middleware}
 */
export function createDemoApi(options) {
  const verifyIdToken = createIdTokenVerifier(options);
  return (req, res, next) => {
    handle(verifyIdToken, req, res, next).catch((/** @type {unknown} */ error) => {
      // Only the error's type: a message might quote what the request carried.
      const type = error instanceof Error ? error.name : typeof error;
      sendJson(res, 500, { error: 'internal', message: `demo API failed (${type})` });
    });
  };
}

/**
 * @param {import('./idTokenVerifier.js').VerifyIdToken} verifyIdToken
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {((error?: unknown) => void) | undefined} next
 */
async function handle(verifyIdToken, req, res, next) {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const route = DEMO_ROUTES[path];
  if (!route) {
    if (next) return next();
    return sendJson(res, 404, { error: 'not_found', message: `no route ${path}` });
  }
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    return sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method} ${path}: use GET` });
  }
  const header = req.headers.authorization;
  if (!header) return unauthorized(res, 'missing Authorization header');
  const token = tokenFrom(header);
  if (!token) return unauthorized(res, 'malformed Authorization header');
  /** @type {Claims} */
  let claims;
  try {
    claims = await verifyIdToken(token);
  } catch (error) {
    if (error instanceof FetchError) {
      return sendJson(res, 503, { error: 'unavailable', message: 'cannot fetch the signing keys of the user pool' });
    }
    if (error instanceof JwtBaseError) return unauthorized(res, reasonFor(error));
    throw error;
  }
  sendJson(res, 200, route(claims));
}

/**
 * API Gateway takes the raw token; many clients send `Bearer <token>`: accept both.
 * @param {string} header
 */
function tokenFrom(header) {
  const match = /^(?:Bearer\s+)?(\S+)$/i.exec(header.trim());
  return match?.[1];
}

/** @param {JwtBaseError} error */
function reasonFor(error) {
  // Set (by includeRawJwtInErrors) only once the signature is valid, so this is trustworthy.
  const rawJwt = /** @type {{ rawJwt?: { payload: Claims } }} */ (error).rawJwt;
  const tokenUse = rawJwt?.payload['token_use'];
  if (tokenUse !== undefined && tokenUse !== 'id') return 'an ID token is required';
  return REASONS.find(([type]) => error instanceof type)?.[1] ?? 'invalid token';
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} message  never the token
 */
function unauthorized(res, message) {
  res.setHeader('WWW-Authenticate', 'Bearer');
  sendJson(res, 401, { error: 'unauthorized', message });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
