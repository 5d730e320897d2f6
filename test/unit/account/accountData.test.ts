// The signed-in user's own data (authchart/account's createAccountData) beside a running auth: the
// requests it sends, member by member (the wire check in the setup file holds them to Cognito's
// published model), what it makes of the answers, its checks before any request, and how the
// session's end and the user's deletion meet.
import { waitFor } from 'xstate';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAccountData, type AccountData } from '../../../machines/account/index.js';
import { AuthError, createAuth, memoryStorage, noRefreshLock, type Auth, type AuthConfig, type TokenStorage } from '../../../machines/index.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { InProcessTabHub } from '../../support/inProcessTabs.js';
import { signedInAuth } from '../../support/signedInAuth.js';

const ALICE = '11111111-2222-3333-4444-555555555555';
const EMAIL_DELIVERY = { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } as const;
const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);

const running: (Auth | AccountData)[] = [];
afterEach(() => {
  for (const instance of running.splice(0)) instance.stop();
});

/** An auth that has not signed in (or that restores what another tab stored). */
function newAuth(cognito: FakeCognito, config: Partial<AuthConfig> = {}): Auth {
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, refreshApi: 'initiateAuth', ...config });
  running.push(auth);
  return auth;
}

/** Alice signed in, with her account data beside the auth; `cognito` scripts the rest. */
async function signedIn(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  cognito.on('RevokeToken', () => ({}));
  const { auth } = await signedInAuth({ cognito, config: { refreshApi: 'initiateAuth', ...config }, username: 'alice', tokens: { sub: ALICE } });
  const data = createAccountData(auth);
  running.push(data);
  return { auth, data, accessToken: auth.actor.getSnapshot().context.session!.tokens.accessToken };
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

/** Everything but the sign-in: what the account data sent. */
const dataCalls = (cognito: FakeCognito) => cognito.calls.filter((call) => call.operation !== 'InitiateAuth').map(({ operation, input }) => ({ operation, input }));

describe('getUser', () => {
  it('reads attributes as a record, MFA in authchart words, and the username', async () => {
    const cognito = new FakeCognito().on('GetUser', () => ({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: ALICE },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:team', Value: undefined },
      ],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP', 'SOMETHING_NEW'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    }));
    const { data, accessToken } = await signedIn(cognito);
    const user = await data.getUser();
    expect(user).toEqual({
      username: 'alice',
      attributes: { sub: ALICE, email: 'alice@example.com', email_verified: 'true', 'custom:team': '' },
      mfa: { enabled: ['totp', 'sms', 'email'], preferred: 'totp' },
    });
    expect(data.actor.getSnapshot().context.user).toEqual(user);
    expect(dataCalls(cognito)).toEqual([{ operation: 'GetUser', input: { AccessToken: accessToken } }]);
  });

  it('without MFA: nothing enabled, nothing preferred', async () => {
    const cognito = new FakeCognito().on('GetUser', () => ({ Username: 'alice', UserAttributes: [] }));
    const { data } = await signedIn(cognito);
    expect((await data.getUser()).mfa).toEqual({ enabled: [], preferred: null });
  });

  it('an answer without a username is refused as invalidResponse', async () => {
    const cognito = new FakeCognito().on('GetUser', () => ({ UserAttributes: [] }));
    const { data } = await signedIn(cognito);
    expect((await failure(data.getUser())).code).toBe('invalidResponse');
    expect(data.actor.getSnapshot().context.user).toBeNull();
  });

  it('signed out: refused as notSignedIn without reaching Cognito', async () => {
    const cognito = new FakeCognito();
    const data = createAccountData(newAuth(cognito));
    running.push(data);
    expect((await failure(data.getUser())).code).toBe('notSignedIn');
    expect(cognito.calls).toEqual([]);
  });
});

describe('attributes', () => {
  it('UpdateUserAttributes sends every attribute and resolves with where the code went', async () => {
    const cognito = new FakeCognito().on('UpdateUserAttributes', () => ({ CodeDeliveryDetailsList: [EMAIL_DELIVERY] }));
    const { data, accessToken } = await signedIn(cognito);
    const deliveries = await data.updateUserAttributes({ email: 'new@example.com', ' name ': ' Alice A. ' });
    expect(deliveries).toEqual([{ attributeName: 'email', destination: 'a***@e***', medium: 'EMAIL' }]);
    expect(dataCalls(cognito)).toEqual([
      {
        operation: 'UpdateUserAttributes',
        input: {
          AccessToken: accessToken,
          UserAttributes: [
            { Name: 'email', Value: 'new@example.com' },
            // The name is trimmed; a value is sent as given.
            { Name: 'name', Value: ' Alice A. ' },
          ],
        },
      },
    ]);
    expect(data.actor.getSnapshot().context).toMatchObject({ notice: 'attributesUpdated', codeDeliveries: deliveries });
  });

  it('a change that needs no code resolves with no deliveries', async () => {
    const cognito = new FakeCognito().on('UpdateUserAttributes', () => ({}));
    const { data } = await signedIn(cognito);
    expect(await data.updateUserAttributes({ name: 'Alice' })).toEqual([]);
  });

  it('a new code replaces the delivery of the last one; the right code verifies the attribute and forgets it', async () => {
    const cognito = new FakeCognito()
      .on('UpdateUserAttributes', () => ({ CodeDeliveryDetailsList: [EMAIL_DELIVERY] }))
      .on('GetUserAttributeVerificationCode', () => ({ CodeDeliveryDetails: { ...EMAIL_DELIVERY, Destination: 'n***@e***' } }))
      .on('VerifyUserAttribute', (input) => {
        if (input.Code !== '654321') throw new AuthError('codeMismatch', 'Code mismatch', { cognitoName: 'CodeMismatchException' });
        return {};
      });
    const { data, accessToken } = await signedIn(cognito);
    await data.updateUserAttributes({ email: 'new@example.com' });
    expect(await data.sendUserAttributeVerificationCode(' email ')).toEqual({ attributeName: 'email', destination: 'n***@e***', medium: 'EMAIL' });
    expect(data.actor.getSnapshot().context).toMatchObject({
      notice: 'verificationCodeSent',
      codeDeliveries: [{ attributeName: 'email', destination: 'n***@e***', medium: 'EMAIL' }],
    });

    expect((await failure(data.verifyUserAttribute('email', '111111'))).code).toBe('codeMismatch');
    // The delivery stays for the next try.
    expect(data.actor.getSnapshot().context.codeDeliveries).toHaveLength(1);
    await data.verifyUserAttribute('email', ' 654321 ');
    expect(data.actor.getSnapshot().context).toMatchObject({ notice: 'attributeVerified', codeDeliveries: [], error: null });
    expect(dataCalls(cognito).slice(1)).toEqual([
      { operation: 'GetUserAttributeVerificationCode', input: { AccessToken: accessToken, AttributeName: 'email' } },
      { operation: 'VerifyUserAttribute', input: { AccessToken: accessToken, AttributeName: 'email', Code: '111111' } },
      { operation: 'VerifyUserAttribute', input: { AccessToken: accessToken, AttributeName: 'email', Code: '654321' } },
    ]);
  });

  it('codes for two attributes wait side by side: a new code or a verification touches only its own', async () => {
    const PHONE_DELIVERY = { Destination: '+*******0100', DeliveryMedium: 'SMS', AttributeName: 'phone_number' } as const;
    const cognito = new FakeCognito()
      .on('UpdateUserAttributes', (input) => ({ CodeDeliveryDetailsList: [input.UserAttributes[0]!.Name === 'email' ? EMAIL_DELIVERY : PHONE_DELIVERY] }))
      .on('GetUserAttributeVerificationCode', () => ({ CodeDeliveryDetails: { ...EMAIL_DELIVERY, Destination: 'n***@e***' } }))
      .on('VerifyUserAttribute', () => ({}));
    const { data } = await signedIn(cognito);
    await data.updateUserAttributes({ phone_number: '+15550100' });
    // Only the change asked for is reported, found under its trimmed name.
    expect(await data.updateUserAttributes({ ' email ': 'new@example.com' })).toEqual([{ attributeName: 'email', destination: 'a***@e***', medium: 'EMAIL' }]);
    await data.sendUserAttributeVerificationCode('email');
    const waiting = () => data.actor.getSnapshot().context.codeDeliveries.map((delivery) => `${delivery.attributeName} ${delivery.destination}`);
    expect(waiting()).toEqual(['phone_number +*******0100', 'email n***@e***']);
    await data.verifyUserAttribute('email', '123456');
    expect(waiting()).toEqual(['phone_number +*******0100']);
  });

  it('a code delivery Cognito names no attribute for is not reported', async () => {
    const cognito = new FakeCognito().on('UpdateUserAttributes', () => ({ CodeDeliveryDetailsList: [{ DeliveryMedium: 'EMAIL', Destination: 'a***@e***' }] }));
    const { data } = await signedIn(cognito);
    expect(await data.updateUserAttributes({ email: 'new@example.com' })).toEqual([]);
    expect(data.actor.getSnapshot().context.codeDeliveries).toEqual([]);
  });

  it('stop ends the account data: its chart stops and no longer follows the session', async () => {
    const { auth, data } = await signedIn(new FakeCognito());
    data.stop();
    expect(data.actor.getSnapshot().status).toBe('stopped');
    // XState warns of every event sent to a stopped actor: the sign-out must send none.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    await auth.signOut();
    expect(warn).not.toHaveBeenCalled();
  });

  it('a code sent without delivery details (cognito-local) still marks the attribute as waiting', async () => {
    const cognito = new FakeCognito().on('GetUserAttributeVerificationCode', () => ({}));
    const { data } = await signedIn(cognito);
    expect(await data.sendUserAttributeVerificationCode('phone_number')).toEqual({
      attributeName: 'phone_number',
      destination: undefined,
      medium: undefined,
    });
  });

  it('DeleteUserAttributes sends each trimmed name once', async () => {
    const cognito = new FakeCognito().on('DeleteUserAttributes', () => ({}));
    const { data, accessToken } = await signedIn(cognito);
    await data.deleteUserAttributes(['custom:team', ' nickname', 'custom:team']);
    expect(dataCalls(cognito)).toEqual([
      { operation: 'DeleteUserAttributes', input: { AccessToken: accessToken, UserAttributeNames: ['custom:team', 'nickname'] } },
    ]);
    expect(data.actor.getSnapshot().context.notice).toBe('attributesDeleted');
  });

  it.each([
    ['no attributes', (data: AccountData) => data.updateUserAttributes({}), 'Give at least one attribute to change.'],
    ['a blank name', (data: AccountData) => data.updateUserAttributes({ ' ': 'x' }), 'Enter an attribute name.'],
    ['a name too long', (data: AccountData) => data.updateUserAttributes({ ['custom:' + 'x'.repeat(26)]: 'x' }), 'An attribute name has at most 32 characters.'],
    ['a value that is not text', (data: AccountData) => data.updateUserAttributes({ email: 42 as never }), 'Give email a text value.'],
    ['no attribute name to verify', (data: AccountData) => data.verifyUserAttribute('', '123456'), 'Enter an attribute name.'],
    ['no code', (data: AccountData) => data.verifyUserAttribute('email', '  '), 'Enter the code from the message we sent you.'],
    ['no attribute to send a code for', (data: AccountData) => data.sendUserAttributeVerificationCode(' '), 'Enter an attribute name.'],
    ['no attributes to delete', (data: AccountData) => data.deleteUserAttributes([]), 'Give at least one attribute to delete.'],
    ['a blank name to delete', (data: AccountData) => data.deleteUserAttributes(['email', '']), 'Enter an attribute name.'],
  ])('sends nothing for %s', async (_, request, message) => {
    const cognito = new FakeCognito();
    const { data } = await signedIn(cognito);
    expect(await failure(request(data))).toMatchObject({ code: 'invalidRequest', message });
    expect(dataCalls(cognito)).toEqual([]);
  });

  it("Cognito's refusal keeps its code; a message that could quote a value names only the attributes", async () => {
    const quoting = "1 validation error detected: Value 'not-an-email' at 'userAttributes.1.member.value' failed";
    const cognito = new FakeCognito().on('UpdateUserAttributes', (input) => {
      if (input.UserAttributes[0]!.Name === 'email') {
        throw new AuthError('invalidRequest', quoting, { operation: 'UpdateUserAttributes', cognitoName: 'InvalidParameterException', status: 400 });
      }
      throw new AuthError('usernameExists', 'An account with this username already exists.', { cognitoName: 'AliasExistsException' });
    });
    const { data } = await signedIn(cognito);
    const refused = await failure(data.updateUserAttributes({ email: 'not-an-email' }));
    expect(refused).toMatchObject({ code: 'invalidRequest', cognitoName: 'InvalidParameterException', operation: 'UpdateUserAttributes', status: 400 });
    expect(refused.message).toBe('The user pool did not accept the change to email (InvalidParameterException).');
    expect(JSON.stringify(data.actor.getSnapshot().context.error)).not.toContain('not-an-email');
    // A refusal Cognito names with a code of its own says what it means, in authchart's words.
    expect(await failure(data.updateUserAttributes({ phone_number: '+15550100' }))).toMatchObject({
      code: 'usernameExists',
      message: 'An account with this username already exists.',
    });
  });

  it("a refusal of a kind authchart does not know names only the attributes; a failure that is not Cognito's keeps its words", async () => {
    const cognito = new FakeCognito().on('UpdateUserAttributes', (input) => {
      if (input.UserAttributes[0]!.Name === 'email') {
        throw new AuthError('unknown', "Value 'not-an-email' is odd", { operation: 'UpdateUserAttributes', cognitoName: 'BrandNewException', status: 400 });
      }
      throw new AuthError('unknown', 'The transport broke.');
    });
    const { data } = await signedIn(cognito);
    const refused = await failure(data.updateUserAttributes({ email: 'not-an-email' }));
    expect(refused).toMatchObject({ code: 'unknown', cognitoName: 'BrandNewException', status: 400 });
    expect(refused.message).toBe('The user pool did not accept the change to email (BrandNewException).');
    expect(await failure(data.updateUserAttributes({ nickname: 'al' }))).toMatchObject({ code: 'unknown', message: 'The transport broke.' });
  });
});

describe('the session and the user data', () => {
  it.each([
    ['GetUser', (data: AccountData) => data.getUser()],
    ['UpdateUserAttributes', (data: AccountData) => data.updateUserAttributes({ nickname: 'al' })],
    ['GetUserAttributeVerificationCode', (data: AccountData) => data.sendUserAttributeVerificationCode('email')],
    ['VerifyUserAttribute', (data: AccountData) => data.verifyUserAttribute('email', '123456')],
    ['DeleteUserAttributes', (data: AccountData) => data.deleteUserAttributes(['nickname'])],
    ['DeleteUser', (data: AccountData) => data.deleteUser()],
  ] as const)('a sign-out aborts %s in flight and rejects it as interrupted', async (operation, request) => {
    let inFlight: AbortSignal | undefined;
    const cognito = new FakeCognito().on(operation, (_input: unknown, signal: AbortSignal | undefined) => {
      inFlight = signal;
      return new Promise<never>(() => {});
    });
    const { auth, data } = await signedIn(cognito);
    const pending = request(data);
    await vi.waitFor(() => expect(inFlight).toBeDefined());
    await auth.signOut();
    expect((await failure(pending)).code).toBe('interrupted');
    expect(inFlight!.aborted).toBe(true);
  });

  it('a sign-out during a request rejects it as interrupted and forgets the user read before', async () => {
    const cognito = new FakeCognito()
      .on('GetUser', () => ({ Username: 'alice', UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }] }))
      .on('UpdateUserAttributes', () => new Promise(() => {}));
    const { auth, data } = await signedIn(cognito);
    await data.getUser();
    const update = data.updateUserAttributes({ email: 'new@example.com' });
    await waitFor(data.actor, (s) => s.matches('updatingAttributes'));
    await auth.signOut();
    expect(await failure(update)).toMatchObject({ code: 'interrupted', retryable: true });
    expect(data.actor.getSnapshot().context).toMatchObject({ user: null, codeDeliveries: [], notice: null });
  });

  it('a refresh during a request does not cut it short', async () => {
    let finish: () => void = () => {};
    const cognito = new FakeCognito().on('DeleteUserAttributes', () => new Promise((resolve) => (finish = () => resolve({}))));
    const { auth, data } = await signedIn(cognito);
    const deletion = data.deleteUserAttributes(['nickname']);
    await vi.waitFor(() => expect(cognito.callsOf('DeleteUserAttributes')).toHaveLength(1));
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (s) => s.matches('signedIn') && s.context.refreshCount === 1);
    finish();
    await deletion;
    expect(data.actor.getSnapshot().context.notice).toBe('attributesDeleted');
  });

  it('deleteUser: DeleteUser, then the session ends with reason deleted; storage cleared, other tabs told, nothing revoked', async () => {
    const hub = new InProcessTabHub();
    const storage: TokenStorage = memoryStorage();
    const tabs = () => ({ channel: hub.channel(), lock: noRefreshLock });
    const cognito = new FakeCognito().on('DeleteUser', () => ({}));
    const { auth, data, accessToken } = await signedIn(cognito, { storage, tabs: tabs() });
    const otherTab = newAuth(cognito, { storage, tabs: tabs() });
    await waitFor(otherTab.actor, (s) => s.matches('signedIn'));
    expect(storage.getItem(KEY)).not.toBeNull();

    await data.deleteUser();
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
    expect(auth.actor.getSnapshot().context).toMatchObject({ endReason: 'deleted', session: null, error: null });
    expect(storage.getItem(KEY)).toBeNull();
    expect(hub.posted).toContainEqual({ kind: 'ended', reason: 'deleted' });
    await waitFor(otherTab.actor, (s) => s.matches('signedOut'));
    expect(otherTab.actor.getSnapshot().context.endReason).toBe('deleted');
    // The user is gone: no RevokeToken, only the deletion itself.
    expect(dataCalls(cognito).map((call) => call.operation)).toEqual(['DeleteUser']);
    expect(cognito.callsOf('DeleteUser')[0]!.input).toEqual({ AccessToken: accessToken });
    expect(data.actor.getSnapshot().context).toMatchObject({ user: null, error: null });
  });

  it('a refused deletion keeps the session and says why', async () => {
    const cognito = new FakeCognito().on('DeleteUser', () => {
      throw new AuthError('notAuthorized', 'The user pool refused this request.', { cognitoName: 'NotAuthorizedException' });
    });
    const { auth, data } = await signedIn(cognito);
    expect((await failure(data.deleteUser())).code).toBe('notAuthorized');
    expect(auth.actor.getSnapshot().matches('signedIn')).toBe(true);
    expect(auth.actor.getSnapshot().context.endReason).toBeNull();
  });

  it('a deletion cut short by a sign-out is interrupted, never reported as done', async () => {
    const cognito = new FakeCognito().on('DeleteUser', () => new Promise(() => {}));
    const { auth, data } = await signedIn(cognito);
    const deletion = data.deleteUser();
    await waitFor(data.actor, (s) => s.matches('deletingUser'));
    await auth.signOut();
    expect((await failure(deletion)).code).toBe('interrupted');
    expect(auth.actor.getSnapshot().context.endReason).toBe('user');
  });

  it('ACCOUNT_DELETED without a session changes nothing', async () => {
    const auth = newAuth(new FakeCognito());
    await waitFor(auth.actor, (s) => s.matches('signedOut'));
    auth.actor.send({ type: 'ACCOUNT_DELETED' });
    expect(auth.actor.getSnapshot().context.endReason).toBeNull();
  });
});
