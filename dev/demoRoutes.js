/**
 * The demo API's routes: what each answers for the verified claims of an ID token. One table for
 * both hosts of the API: the dev middleware (dev/demoApi.js, which verifies the token itself) and
 * the Lambda behind API Gateway (infra/lambda/demoApiHandler.ts, where the Cognito authorizer
 * verified it). No imports, so the Lambda bundle carries nothing else.
 */

/** @typedef {Record<string, unknown>} Claims */

const NOTES = Object.freeze([
  { id: 1, title: 'Tokens expire', body: 'ID and access tokens live 5 minutes on the local pool.' },
  { id: 2, title: 'Refresh is silent', body: 'authchart refreshes before exp, once for all tabs.' },
  { id: 3, title: 'This API checks', body: 'signature, exp, iss, aud and token_use, like API Gateway.' },
]);

/** @type {Readonly<Record<string, (claims: Claims) => unknown>>} */
export const DEMO_ROUTES = Object.freeze({
  '/api/profile': (claims) => ({ claims }),
  '/api/notes': (claims) => ({ owner: claims['cognito:username'] ?? claims['sub'], notes: NOTES }),
});
