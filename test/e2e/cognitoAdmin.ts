// Calls to cognito-local from the test process, outside the app: making users, revoking tokens.
import { LOCAL_POOL } from '../../dev/localPool.js';

async function call(endpoint: string, operation: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      'Content-Type': 'application/x-amz-json-1.1',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${operation} answered ${response.status}: ${await response.text()}`);
}

export interface TestUser {
  username: string;
  password: string;
}

/**
 * A confirmed user of its own, so that concurrent tests never share one: cognito-local rewrites
 * a user's whole record (with its refresh tokens) on every sign-in and revocation, and two tests
 * signing in the same user at once can lose each other's refresh token.
 */
export async function createUser(endpoint: string, name: string): Promise<TestUser> {
  const user = { username: `${name}-${Date.now().toString(36)}`, password: 'E2e-passw0rd!' };
  await call(endpoint, 'SignUp', {
    ClientId: LOCAL_POOL.clientId,
    Username: user.username,
    Password: user.password,
    UserAttributes: [{ Name: 'email', Value: `${user.username}@example.com` }],
  });
  await call(endpoint, 'ConfirmSignUp', {
    ClientId: LOCAL_POOL.clientId,
    Username: user.username,
    ConfirmationCode: LOCAL_POOL.confirmationCode,
  });
  return user;
}

/** Revokes a refresh token behind the app's back, as an admin or another device would. */
export function revokeToken(endpoint: string, clientId: string, refreshToken: string): Promise<void> {
  return call(endpoint, 'RevokeToken', { ClientId: clientId, Token: refreshToken });
}
