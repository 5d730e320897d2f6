// The Lambda adapter: the shared routes for the claims the authorizer verified, and the two checks
// the dev API makes that API Gateway's Cognito authorizer does not (ID token, this app client).
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ROUTES } from '../../dev/demoRoutes.js';
import { handler } from '../lambda/demoApiHandler.js';

const CLIENT_ID = '1example23456789';
// As the REST authorizer hands them over: every value a string.
const ID_CLAIMS = { sub: 'a11ce000', 'cognito:username': 'alice', aud: CLIENT_ID, token_use: 'id', exp: '1767225600' };

function event(resource: string, claims: Record<string, string> | undefined): APIGatewayProxyEvent {
  return { resource, path: resource, httpMethod: 'GET', requestContext: { authorizer: claims ? { claims } : null } } as unknown as APIGatewayProxyEvent;
}

beforeEach(() => {
  process.env['APP_CLIENT_ID'] = CLIENT_ID;
});
afterEach(() => {
  delete process.env['APP_CLIENT_ID'];
  delete process.env['CORS_ORIGIN'];
});

describe('demoApiHandler', () => {
  it.each(Object.keys(DEMO_ROUTES))('%s answers what the dev API answers for the same claims', async (path) => {
    const response = await handler(event(path, ID_CLAIMS));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual(JSON.parse(JSON.stringify(DEMO_ROUTES[path]?.(ID_CLAIMS))));
    expect(response.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  });

  it('names the user in /api/notes', async () => {
    expect(JSON.parse((await handler(event('/api/notes', ID_CLAIMS))).body)).toMatchObject({ owner: 'alice' });
  });

  it.each([
    [{ ...ID_CLAIMS, token_use: 'access', aud: '' }, 'an ID token is required'],
    [{ ...ID_CLAIMS, aud: 'anotherclient0001' }, 'token issued to another client'],
  ])('refuses %j: 401 “%s”, as the dev API', async (claims, message) => {
    const response = await handler(event('/api/profile', claims));
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ error: 'unauthorized', message });
    expect(response.headers).toMatchObject({ 'WWW-Authenticate': 'Bearer' });
  });

  it('fails closed when called without the authorizer’s claims or for another resource', async () => {
    expect((await handler(event('/api/profile', undefined))).statusCode).toBe(500);
    expect((await handler(event('/api/other', ID_CLAIMS))).statusCode).toBe(500);
  });

  it('names the CORS origin it was given, and only then', async () => {
    process.env['CORS_ORIGIN'] = 'https://app.example.com';
    expect((await handler(event('/api/profile', ID_CLAIMS))).headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://app.example.com' });
    expect((await handler(event('/api/profile', { ...ID_CLAIMS, aud: 'x' }))).headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://app.example.com',
    });
  });
});
