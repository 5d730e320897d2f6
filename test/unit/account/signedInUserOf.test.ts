// The user a settings request acts for (signedInUserOf): a usable access token and a user, or the
// request is refused as notSignedIn before it reaches Cognito.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountSettings } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

const refused = { code: 'notSignedIn', message: expect.stringContaining('Sign in first') };

describe('signedInUserOf', () => {
  it('signed out: a request is refused as notSignedIn, saying to sign in', async () => {
    const cognito = new FakeCognito();
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito });
    const settings = createAccountSettings(auth);
    onTestFinished(() => {
      settings.stop();
      auth.stop();
    });
    await expect(settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' })).rejects.toMatchObject(refused);
    expect(cognito.calls).toEqual([]);
  });

  it('still signed in, but the tokens expired while refreshing fails: refused as notSignedIn, never sent without a token', async () => {
    let now = Date.now();
    const cognito = new FakeCognito().on('ChangePassword', () => ({}));
    const { auth } = await signedInAuth({ cognito, now: () => now });
    const settings = createAccountSettings(auth);
    onTestFinished(() => settings.stop());
    cognito.on('InitiateAuth', () => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name: 'InternalErrorException', message: 'try again', status: 500 });
    });
    now += 3600_000 + 5_000;

    await expect(settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' })).rejects.toMatchObject(refused);
    // The auth still holds the user (it retries the refresh); only the token is missing.
    expect(auth.user()).not.toBeNull();
    expect(cognito.callsOf('ChangePassword')).toEqual([]);
  });
});
