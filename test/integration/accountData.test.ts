// The signed-in user's own data (createAccountData) and MFA preference (createAccountSettings)
// against cognito-local, through both transports: GetUser, UpdateUserAttributes with the code it
// sends, GetUserAttributeVerificationCode, VerifyUserAttribute, DeleteUserAttributes,
// SetUserMFAPreference (SMS, TOTP) and DeleteUser. cognito-local ignores EmailMfaSettings: email
// MFA is checked against a fake, named so below, that keeps Cognito's documented shapes.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  createAccountData,
  createAccountFlows,
  createAccountSettings,
  type AccountData,
  type AccountSettings,
} from '../../machines/account/index.js';
import type { GetUserResponse } from '../../machines/cognito/cognitoWire.js';
import { AuthError, createAuth, memoryStorage, type Auth } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';
import { localTransports } from '../support/localTransports.js';

const cognito = inject('cognito');
const PASSWORD = 'Data-passw0rd!';

const running: (Auth | AccountData | AccountSettings)[] = [];
afterEach(() => {
  for (const instance of running.splice(0)) instance.stop();
});

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe.each(localTransports(cognito))('account data against cognito-local (%s)', (_, transport) => {
  function newAuth(): Auth {
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      endpoint: cognito.endpoint,
      storage: memoryStorage(),
      transport: transport(),
    });
    running.push(auth);
    return auth;
  }

  /** A user of its own (cognito-local rewrites a user's record on every sign-in), signed in. */
  async function signedInUser(prefix: string) {
    const username = `${prefix}-${randomUUID().slice(0, 8)}`;
    const auth = newAuth();
    const flows = createAccountFlows(auth);
    await flows.signUp({ username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
    await flows.confirmSignUp({ username, code: cognito.confirmationCode });
    flows.stop();
    await auth.signIn({ username, password: PASSWORD });
    const data = createAccountData(auth);
    const settings = createAccountSettings(auth);
    running.push(data, settings);
    return { username, auth, data, settings };
  }

  it('reads the user; changes the email with its code (a wrong one refused, a new one sent); adds and deletes an attribute', async () => {
    const { username, auth, data } = await signedInUser('data');
    const user = await data.getUser();
    expect(user.username).toBe(username);
    expect(user.attributes).toMatchObject({ sub: auth.user()!.sub, email: `${username}@example.com` });
    expect(user.mfa).toEqual({ enabled: [], preferred: null });

    const newEmail = `${username}.new@example.com`;
    const deliveries = await data.updateUserAttributes({ email: newEmail });
    expect(deliveries).toEqual([expect.objectContaining({ attributeName: 'email', medium: 'EMAIL' })]);

    expect((await failure(data.verifyUserAttribute('email', '000000'))).code).toBe('codeMismatch');
    expect(data.actor.getSnapshot().context.codeDeliveries).toHaveLength(1);
    // cognito-local answers without delivery details; a new code (the emulator's fixed one) is sent all the same.
    expect(await data.sendUserAttributeVerificationCode('email')).toMatchObject({ attributeName: 'email' });
    await data.verifyUserAttribute('email', cognito.confirmationCode);
    expect(data.actor.getSnapshot().context.codeDeliveries).toEqual([]);
    expect((await data.getUser()).attributes).toMatchObject({ email: newEmail, email_verified: 'true' });

    expect(await data.updateUserAttributes({ name: 'Data Person' })).toEqual([]);
    expect((await data.getUser()).attributes['name']).toBe('Data Person');
    await data.deleteUserAttributes(['name']);
    expect((await data.getUser()).attributes['name']).toBeUndefined();
  });

  it('turns SMS MFA on as the preferred method and off again; GetUser shows the current state', async () => {
    const { data, settings } = await signedInUser('mfa');
    await data.updateUserAttributes({ phone_number: '+15555550100' });
    await settings.setMfaPreference({ sms: true });
    expect((await data.getUser()).mfa).toEqual({ enabled: ['sms'], preferred: 'sms' });
    await settings.setMfaPreference({ sms: false });
    expect((await data.getUser()).mfa).toEqual({ enabled: [], preferred: null });
    // TOTP that was never set up: Cognito says no, in words the app can show.
    expect((await failure(settings.setMfaPreference({ totp: true }))).code).toBe('invalidRequest');
  });

  it('deletes the user: the session ends with reason deleted, and the user can no longer sign in', async () => {
    const { username, auth, data } = await signedInUser('delete');
    await data.deleteUser();
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(auth.actor.getSnapshot().context.endReason).toBe('deleted');
    expect((await failure(auth.signIn({ username, password: PASSWORD }))).code).toBe('invalidCredentials');
  });
});

/**
 * A FAKE, not cognito-local (which ignores EmailMfaSettings): a user pool on the Essentials tier
 * with email MFA enabled, keeping one user's MFA settings as SetUserMFAPreference and GetUser
 * document them (API_SetUserMFAPreference.html, API_GetUser.html).
 */
function fakeEmailMfaPool(): FakeCognito {
  const names = { SMSMfaSettings: 'SMS_MFA', EmailMfaSettings: 'EMAIL_OTP', SoftwareTokenMfaSettings: 'SOFTWARE_TOKEN_MFA' } as const;
  let enabled = new Set<string>();
  let preferred: string | undefined;
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: 1 });
  return new FakeCognito()
    .on('InitiateAuth', () => ({ AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } }))
    .on('GetUser', (): GetUserResponse => ({
      Username: 'demo',
      UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }],
      UserMFASettingList: [...enabled],
      ...(preferred ? { PreferredMfaSetting: preferred } : {}),
    }))
    .on('SetUserMFAPreference', (input) => {
      enabled = new Set(enabled);
      for (const [member, name] of Object.entries(names)) {
        const setting = input[member as keyof typeof names];
        if (!setting) continue;
        if (setting.Enabled) enabled.add(name);
        else enabled.delete(name);
        if (setting.PreferredMfa) preferred = name;
        else if (preferred === name) preferred = undefined;
      }
      return {};
    });
}

describe('email MFA (against a fake: cognito-local ignores EmailMfaSettings)', () => {
  it('turns email MFA on beside SMS, prefers email, then turns it off', async () => {
    const pool = fakeEmailMfaPool();
    const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: pool });
    const data = createAccountData(auth);
    const settings = createAccountSettings(auth);
    running.push(auth, data, settings);
    await auth.signIn({ username: 'demo', password: 'pw' });
    await settings.setMfaPreference({ sms: true, email: true, preferred: 'email' });
    expect((await data.getUser()).mfa).toEqual({ enabled: ['sms', 'email'], preferred: 'email' });
    await settings.setMfaPreference({ email: false, preferred: 'sms' });
    expect((await data.getUser()).mfa).toEqual({ enabled: ['sms'], preferred: 'sms' });
  });
});
