import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, type AuthConfig, type TokenStorage } from '../../machines/index.js';
import { mapCognitoError } from '../../machines/cognito/mapCognitoError.js';
import { createSession } from '../../machines/tokens/createSession.js';
import { serializeSession, storageKey } from '../../machines/storage/storedSession.js';
import type { OAuthPort, RedirectResult } from '../../machines/oauth/OAuthPort.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';
import { topState } from '../support/topState.js';

const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);

function fixture(options: { storage?: TokenStorage } = {}) {
  const cognito = new FakeCognito();
  const storage = options.storage ?? memoryStorage();
  const config: AuthConfig = {
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    transport: cognito,
    storage,
  };
  return {
    cognito,
    storage,
    config,
    tokensAt: (ms: number, serial = 0) => makeTokenSet({ iatSeconds: Math.floor(ms / 1000), serial }),
  };
}

function signInAnswer(tokens: ReturnType<typeof makeTokenSet>) {
  return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
}

describe('createAuth', () => {
  it('restores valid stored tokens to signedIn without a network call', async () => {
    const f = fixture();
    f.storage.setItem(KEY, serializeSession(createSession(f.tokensAt(Date.now()), TEST_POOL, Date.now())));
    const auth = createAuth(f.config);
    await waitFor(auth.actor, (s) => !s.matches('restoring'));
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(auth.user()).toMatchObject({ username: 'demo', email: 'demo@example.com' });
    expect(f.cognito.calls).toEqual([]);
    auth.stop();
  });

  it('refreshes stored tokens that expired while the app was closed', async () => {
    const f = fixture();
    const old = Date.now() - 2 * 3600_000;
    f.storage.setItem(KEY, serializeSession(createSession(f.tokensAt(old), TEST_POOL, old)));
    const fresh = f.tokensAt(Date.now(), 1);
    f.cognito.on('InitiateAuth', () => ({ AuthenticationResult: { IdToken: fresh.idToken, AccessToken: fresh.accessToken } }));
    const auth = createAuth(f.config);
    const tokens = await auth.getTokens();
    expect(tokens?.idToken).toBe(fresh.idToken);
    expect(f.cognito.callsOf('InitiateAuth')[0]!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    // The refresh token is kept: Cognito returns none without rotation.
    expect(JSON.parse(f.storage.getItem(KEY)!).refreshToken).toBe(f.tokensAt(old).refreshToken);
    auth.stop();
  });

  it.each([
    ['unparseable data', 'not json'],
    ['tampered tokens', JSON.stringify({ version: 1, idToken: 'x.y.z', accessToken: 'x.y.z', refreshToken: 'r', driftMs: 0 })],
    ['another version', JSON.stringify({ version: 99 })],
    [
      'tokens of another client',
      JSON.stringify({ version: 1, ...makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), clientId: 'x' }), driftMs: 0 }),
    ],
  ])('cleans %s from storage and starts signed out with reason invalidStorage', async (_, raw) => {
    const f = fixture();
    f.storage.setItem(KEY, raw);
    const auth = createAuth(f.config);
    const snapshot = await waitFor(auth.actor, (s) => !s.matches('restoring'));
    expect(topState(snapshot)).toBe('signedOut');
    expect(snapshot.context.endReason).toBe('invalidStorage');
    expect(snapshot.context.error?.code).toBe('invalidStorage');
    expect(f.storage.getItem(KEY)).toBeNull();
    expect(f.cognito.calls).toEqual([]);
    auth.stop();
  });

  it('keeps working in memory when storage throws, and tells the app', async () => {
    const broken: TokenStorage = {
      kind: 'local',
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const f = fixture({ storage: broken });
    const tokens = f.tokensAt(Date.now());
    f.cognito.on('InitiateAuth', () => signInAnswer(tokens));
    const auth = createAuth(f.config);
    const warnings: AuthError[] = [];
    auth.actor.on('storageFallback', (event) => warnings.push(event.error));
    await auth.signIn({ username: 'demo', password: 'pw' });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(warnings.map((error) => error.code)).toEqual(['storageUnavailable']);
    expect(auth.actor.getSnapshot().context.storageWarning?.code).toBe('storageUnavailable');
    auth.stop();
  });

  it('checks input before any network call', async () => {
    const f = fixture();
    const auth = createAuth(f.config);
    await expect(auth.signIn({ username: '  ', password: 'pw' })).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(f.cognito.calls).toEqual([]);
    auth.stop();
  });

  it('signs out locally even when Cognito cannot be reached', async () => {
    const f = fixture();
    f.cognito.on('InitiateAuth', () => signInAnswer(f.tokensAt(Date.now())));
    f.cognito.on('RevokeToken', () => {
      throw new AuthError('network', 'offline');
    });
    const auth = createAuth(f.config);
    await auth.signIn({ username: 'demo', password: 'pw' });
    await auth.signOut();
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    expect(auth.actor.getSnapshot().context.endReason).toBe('user');
    expect(f.storage.getItem(KEY)).toBeNull();
    expect(await auth.getTokens()).toBeNull();
    auth.stop();
  });

  it('signs out after the return from managed login when asked during the code exchange, revoking its tokens', async () => {
    const f = fixture();
    f.cognito.on('RevokeToken', () => ({}));
    let exchanged: (result: RedirectResult) => void = () => {};
    const oauth: OAuthPort = {
      takeRedirectResponse: () => ({ kind: 'code', code: 'c', state: 's' }),
      startRedirect: async () => {},
      completeRedirect: () => new Promise((resolve) => (exchanged = resolve)),
      rememberHostedSignIn: () => {},
      endHostedSession: () => {},
    };
    const auth = createAuth({ ...f.config, oauth });
    expect(topState(auth.actor.getSnapshot())).toBe('handlingRedirect');
    const signedOut = auth.signOut();
    exchanged({ session: createSession(f.tokensAt(Date.now()), TEST_POOL, Date.now()), customState: null });
    await signedOut;
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    expect(f.cognito.callsOf('RevokeToken')).toHaveLength(1);
    expect(f.storage.getItem(KEY)).toBeNull();
    auth.stop();
  });

  it('keeps the session through a transient refresh failure and retries', async () => {
    const f = fixture();
    f.cognito.on('InitiateAuth', () => signInAnswer(f.tokensAt(Date.now())));
    const auth = createAuth(f.config);
    await auth.signIn({ username: 'demo', password: 'pw' });
    f.cognito.on('InitiateAuth', () => {
      throw new AuthError('serviceUnavailable', '503');
    });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => s.matches({ refreshing: 'retrying' }));
    expect(snapshot.context.error?.code).toBe('serviceUnavailable');
    // Tokens are still valid, so the app keeps using them.
    expect(await auth.getTokens()).not.toBeNull();
    expect(f.storage.getItem(KEY)).not.toBeNull();
    auth.stop();
  });

  it.each([
    ['ResourceNotFoundException', 'invalidConfig'],
    ['InvalidParameterException', 'invalidRequest'],
    ['PasswordResetRequiredException', 'passwordResetRequired'],
  ])('ends the session when the refresh fails for good (%s, a 400), instead of retrying it forever', async (name, code) => {
    const f = fixture();
    f.cognito.on('InitiateAuth', () => signInAnswer(f.tokensAt(Date.now())));
    const auth = createAuth({ ...f.config, refreshApi: 'initiateAuth' });
    await auth.signIn({ username: 'demo', password: 'pw' });
    f.cognito.on('InitiateAuth', () => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name, message: 'refused', status: 400 });
    });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => !s.hasTag('busy'));
    expect(snapshot.value).toBe('expired');
    expect(snapshot.context.error?.code).toBe(code);
    expect(f.storage.getItem(KEY)).toBeNull();
    auth.stop();
  });

  it.each([
    // A proxy's, firewall's or captive portal's bare status, not Cognito's.
    ...[403, 407, 408, 429].map((status) => [`a bare ${status}`, { name: `HTTP${status}`, status }] as const),
    // The pool's trigger or a WAF rule failing says nothing about the refresh token.
    ...['UnexpectedLambdaException', 'InvalidLambdaResponseException', 'ForbiddenException'].map(
      (name) => [name, { name, status: 400 }] as const,
    ),
  ])('keeps the session and retries a refresh refused with %s', async (_, failure) => {
    const f = fixture();
    f.cognito.on('InitiateAuth', () => signInAnswer(f.tokensAt(Date.now())));
    const auth = createAuth({ ...f.config, refreshApi: 'initiateAuth' });
    await auth.signIn({ username: 'demo', password: 'pw' });
    f.cognito.on('InitiateAuth', () => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { ...failure, message: '' });
    });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => !s.hasTag('busy'));
    expect(snapshot.value).toEqual({ refreshing: 'retrying' });
    expect(f.storage.getItem(KEY)).not.toBeNull();
    auth.stop();
  });

  it('keeps retrying a refresh that failed without an answer from the service', async () => {
    const f = fixture();
    f.cognito.on('InitiateAuth', () => signInAnswer(f.tokensAt(Date.now())));
    const auth = createAuth(f.config);
    await auth.signIn({ username: 'demo', password: 'pw' });
    f.cognito.on('InitiateAuth', () => {
      throw new Error('a custom transport failed');
    });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => s.matches({ refreshing: 'retrying' }));
    expect(snapshot.context.error?.code).toBe('unknown');
    auth.stop();
  });

  it('throws a clear error for bad configuration at creation', () => {
    expect(() => createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: 'nope', clientId: 'abc' })).toThrow(/<region>_<id>/);
  });
});
