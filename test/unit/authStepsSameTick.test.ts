import { waitFor } from 'xstate';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { AuthError, createAuth, type Auth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// Two steps asked for in the same tick (a double submit, two buttons): the second waits for the
// first and is then judged on what it finds, never sent into the first's request and reported
// with the first's outcome.

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});

function tokens() {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

describe('auth steps asked for in the same tick', () => {
  it('a second sign-in waits for the first, then is refused as alreadySignedIn', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokens());
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    running.push(auth);
    const first = auth.signIn({ username: 'demo', password: 'pw' });
    const second = auth.signIn({ username: 'other', password: 'pw2' });
    expect(await first).toBe('signedIn');
    await expect(second).rejects.toMatchObject({ code: 'alreadySignedIn' });
    expect(cognito.callsOf('InitiateAuth').map((call) => (call.input as { AuthParameters: { USERNAME: string } }).AuthParameters.USERNAME)).toEqual(['demo']);
  });

  it('after a refused sign-in, a second one asked in the same tick is sent with its own credentials', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', (input) => {
      if (input.AuthParameters?.['USERNAME'] === 'typo') throw Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' });
      return tokens();
    });
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    running.push(auth);
    const first = auth.signIn({ username: 'typo', password: 'pw' });
    const second = auth.signIn({ username: 'demo', password: 'pw' });
    await expect(first).rejects.toBeDefined();
    expect(await second).toBe('signedIn');
    expect(auth.user()).toMatchObject({ username: 'demo' });
  });
});

describe('an auth step asked for from a subscriber', () => {
  it('is sent once the chart has taken the event the subscriber was told of, and rejects with its own refusal', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => {
      throw new AuthError('notAuthorized', 'Incorrect username or password.', { cognitoName: 'NotAuthorizedException', status: 400 });
    });
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    running.push(auth);
    await waitFor(auth.actor, (s) => s.matches('signedOut'));
    let step: Promise<unknown> | undefined;
    const subscription = auth.actor.subscribe(() => {
      step ??= auth.signIn({ username: 'demo', password: 'wrong' });
    });
    onTestFinished(() => subscription.unsubscribe());
    auth.cancel();
    await expect(step).rejects.toMatchObject({ code: 'notAuthorized' });
    expect(cognito.callsOf('InitiateAuth')).toHaveLength(1);
  });
});
