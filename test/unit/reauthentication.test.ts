import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError, createAuth, selectNeedsReauth, type AuthConfig } from '../../machines/index.js';
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
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
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

/** Signed in, then expired (the refresh token refused); every later sign-in asks for an MFA code. */
async function expiredWithMfa(config: Partial<AuthConfig> = {}) {
  let signIns = 0;
  const cognito = new FakeCognito()
    .on('InitiateAuth', (input) => {
      if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') throw new AuthError('refreshRejected', 'revoked');
      if (input.AuthParameters?.PASSWORD !== 'right') throw new AuthError('invalidCredentials', 'Incorrect username or password.');
      signIns += 1;
      return signIns === 1
        ? tokens(1)
        : { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: 'mfa-session', ChallengeParameters: { USER_ID_FOR_SRP: 'demo' } };
    })
    .on('RespondToAuthChallenge', () => tokens(2));
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: cognito,
    ...config,
  });
  await auth.signIn({ username: 'demo', password: 'right' });
  auth.actor.send({ type: 'REFRESH' });
  await waitFor(auth.actor, (s) => s.matches('expired'));
  return { auth, cognito };
}

describe('re-authentication through a challenge', () => {
  it('keeps asking while the MFA step is open, and ends with the new session', async () => {
    const { auth } = await expiredWithMfa();
    expect(await auth.signIn({ username: 'demo', password: 'right' })).toBe('mfaCode');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(true);
    expect(await auth.submitMfaCode('123456')).toBe('signedIn');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(false);
    expect(auth.actor.getSnapshot().context.endReason).toBeNull();
    auth.stop();
  });

  it('goes back to expired, not signedOut, when the MFA step times out', async () => {
    const { auth } = await expiredWithMfa({ challengeTimeoutSeconds: 0.05 });
    await auth.signIn({ username: 'demo', password: 'right' });
    const back = await waitFor(auth.actor, (s) => !s.matches('authenticating'));
    expect(back.value).toBe('expired');
    expect(back.context).toMatchObject({ endReason: 'expired', challenge: null, error: { code: 'challengeExpired' } });
    expect(selectNeedsReauth(back)).toBe(true);
    auth.stop();
  });

  it('goes back to expired when the MFA step is cancelled', async () => {
    const { auth } = await expiredWithMfa();
    await auth.signIn({ username: 'demo', password: 'right' });
    auth.cancel();
    expect(auth.actor.getSnapshot().value).toBe('expired');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(true);
    auth.stop();
  });

  it('signing out from the MFA step ends the re-authentication: a later wrong password is a plain failure', async () => {
    const { auth } = await expiredWithMfa();
    await auth.signIn({ username: 'demo', password: 'right' });
    await auth.signOut();
    expect(auth.actor.getSnapshot().context.endReason).toBe('user');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(false);

    await expect(auth.signIn({ username: 'demo', password: 'wrong' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(auth.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
    auth.stop();
  });
});
