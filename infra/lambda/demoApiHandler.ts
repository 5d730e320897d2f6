import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DEMO_ROUTES } from '../../dev/demoRoutes.js';

/**
 * The demo API behind API Gateway: the routes of dev/demoRoutes.js, answered for the claims the
 * Cognito user-pool authorizer verified (signature, `exp`, `iss`). That authorizer lets any app
 * client's token of the pool through, ID or access token alike; the dev API (dev/demoApi.js)
 * accepts only ID tokens of the app's client, so the two checks it adds are made here, with its
 * messages. The claims arrive as strings (`exp: "1767225600"`), unlike the dev API's numbers.
 *
 * Environment: APP_CLIENT_ID; CORS_ORIGIN when an origin other than the app's calls directly.
 */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const claims = event.requestContext.authorizer?.['claims'] as Record<string, string> | undefined;
  const route = DEMO_ROUTES[event.resource];
  // API Gateway routes only the table's paths here, each behind the authorizer.
  if (!route || !claims) return respond(500, { error: 'internal', message: `no authorized route ${event.resource}` });
  if (claims['token_use'] !== 'id') return unauthorized('an ID token is required');
  if (claims['aud'] !== process.env['APP_CLIENT_ID']) return unauthorized('token issued to another client');
  return respond(200, route(claims));
}

function unauthorized(message: string): APIGatewayProxyResult {
  const result = respond(401, { error: 'unauthorized', message });
  return { ...result, headers: { ...result.headers, 'WWW-Authenticate': 'Bearer' } };
}

function respond(statusCode: number, body: unknown): APIGatewayProxyResult {
  const corsOrigin = process.env['CORS_ORIGIN'];
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(corsOrigin ? { 'Access-Control-Allow-Origin': corsOrigin } : {}),
    },
    body: JSON.stringify(body),
  };
}
