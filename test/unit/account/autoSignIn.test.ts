// Sign-up with `autoSignIn` (createAccountFlows): the password kept from sign-up signs the user in
// once the account is confirmed, through the auth's own sign-in, and only for the user who signed up.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountFlows, type AccountFlows } from '../../../machines/account/index.js';
import { createAuth, type Auth } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

/** A pool that asks for a code at sign-up, confirms any code, and signs in with any password. */
function pool(): FakeCognito {
  return new FakeCognito()
    .on('SignUp', () => ({ UserConfirmed: false, UserSub: 'sub' }))
    .on('ConfirmSignUp', () => ({}))
    .on('InitiateAuth', () => {
      const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
      return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
    });
}

function flows(cognito: FakeCognito): { auth: Auth; account: AccountFlows } {
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
  const account = createAccountFlows(auth);
  onTestFinished(() => {
    account.stop();
    auth.stop();
  });
  return { auth, account };
}

describe('autoSignIn', () => {
  it('confirming the account signs in with the kept password, under the trimmed username, and forgets the flow', async () => {
    const cognito = pool();
    const { auth, account } = flows(cognito);
    expect(await account.signUp({ username: ' new ', password: ' pw ', autoSignIn: true })).toBe('confirmSignUp');
    expect(await account.confirmSignUp({ username: 'new', code: '123456' })).toBe('signedIn');
    expect(auth.actor.getSnapshot().matches('signedIn')).toBe(true);
    // The password as typed; the username as sign-up sent it.
    expect(cognito.callsOf('InitiateAuth').map((call) => call.input)).toEqual([
      expect.objectContaining({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: expect.objectContaining({ USERNAME: 'new', PASSWORD: ' pw ' }) }),
    ]);
    expect(account.actor.getSnapshot().context).toMatchObject({ autoSignIn: null, pendingUsername: null, notice: null, error: null });
  });

  it('a confirmation under another spelling of the name does not sign in with the kept password', async () => {
    const cognito = pool();
    const { auth, account } = flows(cognito);
    await account.signUp({ username: 'Alice', password: 'pw', autoSignIn: true });
    expect(await account.confirmSignUp({ username: 'alice', code: '123456' })).toBe('signIn');
    expect(cognito.callsOf('InitiateAuth')).toEqual([]);
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(account.actor.getSnapshot().context).toMatchObject({ autoSignIn: null, notice: 'signUpConfirmed' });
  });
});
