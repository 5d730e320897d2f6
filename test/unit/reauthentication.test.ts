import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError, createAuth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

function tokens(serial: number) {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

describe('re-authentication after expiry', () => {
  it('keeps the username, stays expired after a wrong password, and signs in again', async () => {
    let password = 'right';
    let serial = 0;
    const cognito = new FakeCognito().on('InitiateAuth', (input) => {
      if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') throw new AuthError('refreshRejected', 'revoked');
      if (input.AuthParameters?.PASSWORD !== password) throw new AuthError('invalidCredentials', 'Incorrect username or password.');
      return tokens(++serial);
    });
    const auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    await auth.signIn({ username: 'demo', password });
    auth.actor.send({ type: 'REFRESH' });
    const expired = await waitFor(auth.actor, (s) => s.matches('expired'));
    expect(expired.context.pendingUsername).toBe('demo');

    password = 'changed';
    await expect(auth.signIn({ username: 'demo', password: 'right' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(auth.actor.getSnapshot().matches('expired')).toBe(true);
    expect(auth.actor.getSnapshot().context.endReason).toBe('expired');

    expect(await auth.signIn({ username: 'demo', password: 'changed' })).toBe('signedIn');
    expect(auth.actor.getSnapshot().context.endReason).toBeNull();
    auth.stop();
  });
});

describe('account steps during a refresh', () => {
  it('wait for the refresh instead of failing', async () => {
    let finishRefresh: (value: ReturnType<typeof tokens>) => void = () => {};
    const cognito = new FakeCognito()
      .on('InitiateAuth', (input) =>
        input.AuthFlow === 'REFRESH_TOKEN_AUTH' ? new Promise((resolve) => (finishRefresh = resolve)) : tokens(1),
      )
      .on('ChangePassword', () => ({}));
    const auth = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    await auth.signIn({ username: 'demo', password: 'pw' });
    auth.actor.send({ type: 'REFRESH' });
    const change = auth.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    await waitFor(auth.actor, (s) => s.matches({ refreshing: { locked: 'requesting' } }));
    await new Promise((resolve) => setImmediate(resolve));
    finishRefresh(tokens(2));
    await change;
    expect(cognito.callsOf('ChangePassword')).toHaveLength(1);
    expect(auth.actor.getSnapshot().context.notice).toBe('passwordChanged');
    auth.stop();
  });
});
