import { onTestFinished } from 'vitest';
import { createAuth, type Auth, type AuthConfig, type CognitoOperations } from '../../machines/index.js';
import { FakeCognito } from './FakeCognito.js';
import { makeTokenSet, TEST_POOL, type TokenOptions } from './fakeTokens.js';

export interface SignedInAuthOptions {
  /**
   * The test's fake, its other operations already scripted; default a new one. Its InitiateAuth is
   * scripted here to answer with fresh tokens: a test that wants refreshes to fail, hang or ask
   * for a challenge scripts InitiateAuth again once this has resolved.
   */
  cognito?: FakeCognito;
  /** createAuth's options on top of the test pool, `USER_PASSWORD_AUTH` and `memory` storage. */
  config?: Partial<AuthConfig>;
  /** The test's clock (ms): createAuth's, and the fake stamps `iat` with it. Default: real time. */
  now?: () => number;
  /** Claims of every token set issued, beyond `iat` and a serial that makes each set distinct. */
  tokens?: Omit<TokenOptions, 'iatSeconds' | 'serial'>;
  username?: string;
  password?: string;
}

export interface SignedInAuth {
  /** Signed in; stopped when the test finishes. */
  auth: Auth;
  cognito: FakeCognito;
  /** A fresh InitiateAuth answer (ID, access and refresh token), e.g. to end a refresh held open. */
  answer: () => CognitoOperations['InitiateAuth']['output'];
  /** InitiateAuth calls since the sign-in: the refreshes, when they go through InitiateAuth. */
  refreshes: () => number;
}

/** A real auth over a fake Cognito, signed in with a password; tokens live an hour unless `tokens` says otherwise. */
export async function signedInAuth(options: SignedInAuthOptions = {}): Promise<SignedInAuth> {
  const { cognito = new FakeCognito(), now = Date.now } = options;
  let serial = 0;
  const answer = () => {
    const tokens = makeTokenSet({ lifetimeSeconds: 3600, ...options.tokens, iatSeconds: Math.floor(now() / 1000), serial: ++serial });
    return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
  };
  cognito.on('InitiateAuth', answer);
  const clock = options.now ? { clock: { now } } : {};
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, ...clock, ...options.config });
  onTestFinished(() => auth.stop());
  await auth.signIn({ username: options.username ?? 'demo', password: options.password ?? 'pw' });
  return { auth, cognito, answer, refreshes: () => cognito.callsOf('InitiateAuth').length - 1 };
}
