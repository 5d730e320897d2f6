import { waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, type Auth, type AuthConfig } from '../../machines/index.js';
import type { OAuthPort } from '../../machines/oauth/OAuthPort.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// The step helpers (auth.signIn, completeNewPassword, signInWithRedirect…): each waits for
// start-up, refuses what is not possible now with a typed error that says so, and resolves or
// rejects with the step's outcome. Cognito is a fake in the shapes of its API reference.

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

function started(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, ...config });
  running.push(auth);
  return auth;
}

/**
 * A managed-login port that records the redirects asked for; `startRedirect` fails when given a
 * failure, and never ends when told to hang (a navigation the browser has not begun yet).
 */
function oauthPort(failure?: AuthError | 'hang') {
  const redirects: unknown[] = [];
  const port: OAuthPort = {
    takeRedirectResponse: () => null,
    startRedirect: async (options) => {
      if (failure === 'hang') return new Promise<never>(() => {});
      if (failure) throw failure;
      redirects.push(options);
    },
    completeRedirect: async () => {
      throw new AuthError('redirectFailed', 'not used here');
    },
    rememberHostedSignIn: () => undefined,
    endHostedSession: () => undefined,
  };
  return { port, redirects };
}

describe('auth steps', () => {
  it('signed in: another sign-in is alreadySignedIn, a step of no sign-in is invalidRequest naming it', async () => {
    const auth = started(new FakeCognito().on('InitiateAuth', () => tokens()));
    await auth.signIn({ username: 'demo', password: 'pw' });
    await expect(auth.submitMfaCode('123456')).rejects.toMatchObject({ code: 'invalidRequest', message: 'SUBMIT_MFA_CODE is not possible at this step.' });
    await expect(auth.signIn({ username: 'demo', password: 'pw' })).rejects.toMatchObject({
      code: 'alreadySignedIn',
      message: 'A user is already signed in; sign out first.',
    });
  });

  it('completeNewPassword sends the new password and the attributes the pool asked for', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => ({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1', ChallengeParameters: { USER_ID_FOR_SRP: 'demo', requiredAttributes: '["userAttributes.name"]', userAttributes: '{}' } }))
      .on('RespondToAuthChallenge', () => tokens());
    const auth = started(cognito);
    expect(await auth.signIn({ username: 'demo', password: 'pw' })).toBe('newPasswordRequired');
    expect(await auth.completeNewPassword({ newPassword: 'N3w-passw0rd!', attributes: { name: 'Dee Mo' } })).toBe('signedIn');
    const [respond] = cognito.callsOf('RespondToAuthChallenge');
    expect(respond!.input).toMatchObject({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'demo', NEW_PASSWORD: 'N3w-passw0rd!', 'userAttributes.name': 'Dee Mo' },
    });
  });
});

describe('auth.signInWithRedirect', () => {
  it('asked during start-up, waits for it and then navigates', async () => {
    const { port, redirects } = oauthPort();
    const auth = started(new FakeCognito(), { oauth: port });
    expect(auth.actor.getSnapshot().matches('restoring')).toBe(true);
    await auth.signInWithRedirect({ provider: 'Google' });
    expect(redirects).toEqual([{ provider: 'Google' }]);
  });

  it('a redirect that cannot start rejects with its reason, and the user stays signed out', async () => {
    const failure = new AuthError('storageUnavailable', 'This browser does not let the app keep the sign-in request (sessionStorage).');
    const auth = started(new FakeCognito(), { oauth: oauthPort(failure).port });
    await expect(auth.signInWithRedirect()).rejects.toBe(failure);
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
  });

  it('a page that has not left by the request timeout gives the app control back, saying the sign-in page did not open', async () => {
    const { port, redirects } = oauthPort();
    const auth = started(new FakeCognito(), { oauth: port, requestTimeoutSeconds: 0.05 });
    await auth.signInWithRedirect();
    expect(redirects).toHaveLength(1);
    const after = await waitFor(auth.actor, (s) => !s.hasTag('busy'), { timeout: 2000 });
    expect(after.matches('signedOut')).toBe(true);
    expect(after.context.error).toMatchObject({ code: 'redirectFailed', message: 'The sign-in page did not open; please try again.' });
  });

  it('cancelled before the page navigates, resolves quietly and leaves the user signed out', async () => {
    const auth = started(new FakeCognito(), { oauth: oauthPort('hang').port });
    await waitFor(auth.actor, (s) => s.matches('signedOut'));
    const pending = auth.signInWithRedirect();
    await waitFor(auth.actor, (s) => s.matches({ redirecting: 'navigating' }));
    auth.cancel();
    await expect(pending).resolves.toBeUndefined();
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(auth.actor.getSnapshot().context.error).toBeNull();
  });

  it('is refused while signed in, and without managed login configured, saying why', async () => {
    const { port } = oauthPort();
    const signedIn = started(new FakeCognito().on('InitiateAuth', () => tokens()), { oauth: port });
    await signedIn.signIn({ username: 'demo', password: 'pw' });
    await expect(signedIn.signInWithRedirect()).rejects.toMatchObject({ code: 'alreadySignedIn', message: 'A user is already signed in; sign out first.' });
    const plain = started(new FakeCognito());
    await expect(plain.signInWithRedirect()).rejects.toMatchObject({
      code: 'invalidRequest',
      message: "SIGN_IN_WITH_REDIRECT is not possible now (is createAuth's oauth set?).",
    });
  });
});
