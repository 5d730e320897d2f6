// An auth over a scripted Cognito, for the binding tests: real machine, fake network.
import { AuthError, createAuth, memoryStorage, type Auth, type TokenStorage } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

export const PASSWORD = 'correct-horse-battery';

export interface AuthFixture {
  auth: Auth;
  cognito: FakeCognito;
  storage: TokenStorage;
  /** What the next REFRESH_TOKEN_AUTH does: answer, refuse the refresh token, or never answer. */
  refresh: 'ok' | 'reject' | 'hang';
}

/** The demo API's answers (`/api/profile`, `/api/notes`), for pages that call it. */
async function demoApi(input: RequestInfo | URL): Promise<Response> {
  const { pathname } = new URL(input instanceof Request ? input.url : String(input));
  const body = pathname === '/api/notes' ? { owner: 'demo', notes: [] } : { claims: { 'cognito:username': 'demo' } };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}

/** `demo` / PASSWORD signs in; tokens live an hour, so no refresh happens unless asked for. */
export function authFixture(options: { storage?: TokenStorage } = {}): AuthFixture {
  const cognito = new FakeCognito();
  const storage = options.storage ?? memoryStorage();
  let serial = 0;
  const tokens = () => makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: ++serial });
  const fixture: AuthFixture = {
    auth: undefined as unknown as Auth,
    cognito,
    storage,
    refresh: 'ok',
  };
  cognito.on('InitiateAuth', async (input) => {
    if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      if (fixture.refresh === 'hang') return new Promise(() => {});
      if (fixture.refresh === 'reject') throw new AuthError('refreshRejected', 'Refresh Token has been revoked');
      const { idToken, accessToken } = tokens();
      return { AuthenticationResult: { IdToken: idToken, AccessToken: accessToken } };
    }
    if (input.AuthParameters?.['PASSWORD'] !== PASSWORD) throw new AuthError('invalidCredentials', 'Incorrect username or password.');
    const { idToken, accessToken, refreshToken } = tokens();
    return { AuthenticationResult: { IdToken: idToken, AccessToken: accessToken, RefreshToken: refreshToken } };
  });
  cognito.on('RevokeToken', () => ({}));
  fixture.auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    transport: cognito,
    storage,
    refreshApi: 'initiateAuth',
    tabs: false,
    fetch: demoApi,
  });
  return fixture;
}
