import { waitFor } from 'xstate';
import { describe, expect, inject, it } from 'vitest';
import {
  AuthError,
  createAuth,
  memoryStorage,
  type AuthConfig,
  type TokenStorage,
} from '../../machines/index.js';
import { decodeClaims } from '../../machines/tokens/decodeClaims.js';
import { countingTransport } from '../support/countingTransport.js';
import { localTransports } from '../support/localTransports.js';
import { topState } from '../support/topState.js';

const cognito = inject('cognito');
const transports = localTransports(cognito);
const issuer = `${cognito.endpoint}/${cognito.userPoolId}`;

describe.each(transports)('createAuth against cognito-local via %s', (_, makeTransport) => {
  function setup(options: { clientId?: string; storage?: TokenStorage } = {}) {
    const transport = countingTransport(makeTransport());
    const storage = options.storage ?? memoryStorage();
    const config: AuthConfig = {
      // cognito-local has no SRP.
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: cognito.userPoolId,
      clientId: options.clientId ?? cognito.clientId,
      endpoint: cognito.endpoint,
      storage,
      transport,
    };
    return { auth: createAuth(config), transport, storage };
  }

  it('signs in the demo user with valid, checked tokens', async () => {
    const { auth, transport } = setup();
    await auth.signIn(cognito.demoUser);
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(auth.user()).toMatchObject({ username: cognito.demoUser.username });
    const tokens = await auth.getTokens();
    expect(decodeClaims(tokens!.idToken, 'id', { issuer, clientId: cognito.clientId }).token_use).toBe('id');
    expect(transport.count('InitiateAuth')).toBe(1);
    auth.stop();
  });

  it('rejects a wrong password with a typed error and stays signed out', async () => {
    const { auth } = setup();
    const error = await auth.signIn({ username: cognito.demoUser.username, password: 'wrong-password' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'invalidCredentials', retryable: false });
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    auth.stop();
  });

  it('restores a stored session in a new actor without any network call', async () => {
    const first = setup();
    await first.auth.signIn(cognito.demoUser);
    first.auth.stop();
    const second = setup({ storage: first.storage });
    await waitFor(second.auth.actor, (s) => !s.matches('restoring'));
    expect(topState(second.auth.actor.getSnapshot())).toBe('signedIn');
    expect(second.transport.count()).toBe(0);
    expect(second.auth.user()?.sub).toBe(first.auth.user()?.sub);
    second.auth.stop();
  });

  it('ends the session as expired when the refresh token was revoked out of band', async () => {
    const { auth, storage } = setup();
    await auth.signIn(cognito.demoUser);
    const refreshToken = auth.actor.getSnapshot().context.session!.tokens.refreshToken;
    await makeTransport().call('RevokeToken', { Token: refreshToken, ClientId: cognito.clientId });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => s.matches('expired'));
    expect(snapshot.context.endReason).toBe('expired');
    expect(snapshot.context.error?.code).toBe('refreshRejected');
    expect(storage.getItem(snapshot.context.config.storageKey)).toBeNull();
    expect(await auth.getTokens()).toBeNull();
    auth.stop();
  });

  it('signs out by revoking the refresh token, so it no longer refreshes', async () => {
    const { auth, transport, storage } = setup();
    await auth.signIn(cognito.demoUser);
    const refreshToken = auth.actor.getSnapshot().context.session!.tokens.refreshToken;
    await auth.signOut();
    const snapshot = auth.actor.getSnapshot();
    expect(topState(snapshot)).toBe('signedOut');
    expect(snapshot.context.endReason).toBe('user');
    expect(storage.getItem(snapshot.context.config.storageKey)).toBeNull();
    expect(transport.count('RevokeToken')).toBe(1);
    const refresh = makeTransport().call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: cognito.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    await expect(refresh).rejects.toMatchObject({ code: 'refreshRejected' });
    auth.stop();
  });

  it('completes a global sign-out although the emulator lacks GlobalSignOut', async () => {
    const { auth, transport } = setup();
    await auth.signIn(cognito.demoUser);
    await auth.signOut({ global: true });
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    expect(transport.count('GlobalSignOut')).toBe(1);
    expect(transport.count('RevokeToken')).toBe(1);
    auth.stop();
  });
});
