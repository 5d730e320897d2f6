import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError, selectNeedsReauth, type AuthConfig } from '../../machines/index.js';
import { signedInAuth } from '../support/signedInAuth.js';

const rejectRefresh = () => {
  throw new AuthError('refreshRejected', 'revoked');
};
const wrongPassword = () => {
  throw new AuthError('invalidCredentials', 'Incorrect username or password.');
};

describe('re-authentication after expiry', () => {
  it('keeps the username, stays expired after a wrong password, and signs in again', async () => {
    const { auth, cognito, answer } = await signedInAuth({ password: 'right' });
    // The password has been changed since.
    cognito.on('InitiateAuth', (input) => {
      if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') return rejectRefresh();
      return input.AuthParameters?.PASSWORD === 'changed' ? answer() : wrongPassword();
    });
    auth.actor.send({ type: 'REFRESH' });
    const expired = await waitFor(auth.actor, (s) => s.matches('expired'));
    expect(expired.context.pendingUsername).toBe('demo');

    await expect(auth.signIn({ username: 'demo', password: 'right' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(auth.actor.getSnapshot().matches('expired')).toBe(true);
    expect(auth.actor.getSnapshot().context.endReason).toBe('expired');

    expect(await auth.signIn({ username: 'demo', password: 'changed' })).toBe('signedIn');
    expect(auth.actor.getSnapshot().context.endReason).toBeNull();
  });
});

/** Signed in, then expired (the refresh token refused); every later sign-in asks for an MFA code. */
async function expiredWithMfa(config: Partial<AuthConfig> = {}) {
  const { auth, cognito, answer } = await signedInAuth({ config, password: 'right' });
  cognito
    .on('InitiateAuth', (input) => {
      if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') return rejectRefresh();
      if (input.AuthParameters?.PASSWORD !== 'right') return wrongPassword();
      return { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: 'mfa-session', ChallengeParameters: { USER_ID_FOR_SRP: 'demo' } };
    })
    .on('RespondToAuthChallenge', answer);
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
  });

  it('goes back to expired, not signedOut, when the MFA step times out', async () => {
    const { auth } = await expiredWithMfa({ challengeTimeoutSeconds: 0.05 });
    await auth.signIn({ username: 'demo', password: 'right' });
    const back = await waitFor(auth.actor, (s) => !s.matches('authenticating'));
    expect(back.value).toBe('expired');
    expect(back.context).toMatchObject({ endReason: 'expired', challenge: null, error: { code: 'challengeExpired' } });
    expect(selectNeedsReauth(back)).toBe(true);
  });

  it('goes back to expired when the MFA step is cancelled', async () => {
    const { auth } = await expiredWithMfa();
    await auth.signIn({ username: 'demo', password: 'right' });
    auth.cancel();
    expect(auth.actor.getSnapshot().value).toBe('expired');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(true);
  });

  it('signing out from the MFA step ends the re-authentication: a later wrong password is a plain failure', async () => {
    const { auth } = await expiredWithMfa();
    await auth.signIn({ username: 'demo', password: 'right' });
    await auth.signOut();
    expect(auth.actor.getSnapshot().context.endReason).toBe('user');
    expect(selectNeedsReauth(auth.actor.getSnapshot())).toBe(false);

    await expect(auth.signIn({ username: 'demo', password: 'wrong' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(auth.actor.getSnapshot().value).toEqual({ signedOut: 'idle' });
  });
});
