// The signed-in user's settings (authchart/account's createAccountSettings) beside a running auth:
// requests take the auth's current tokens, a refresh never cuts one short, and the session's end
// (or another user's session) forgets everything, the TOTP secret first.
import { waitFor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { createAccountSettings } from '../../../machines/account/index.js';
import { AuthError, createAuth, memoryStorage, type AuthConfig } from '../../../machines/index.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const SECRET = 'JBSWY3DPEHPK3PXPSETTINGS';
const ALICE = '11111111-2222-3333-4444-555555555555';
const BOB = '99999999-8888-7777-6666-555555555555';

function tokens(serial: number, sub = ALICE) {
  const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial, sub });
  return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
}

const accessTokenOf = (call: { input: unknown }) => (call.input as { AccessToken?: string }).AccessToken;

function newAuth(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  return createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: cognito,
    refreshApi: 'initiateAuth',
    ...config,
  });
}

describe('account settings and the session', () => {
  it('a 401 from the API during a password change refreshes at once; the change is not cut short', async () => {
    let finishChange: () => void = () => {};
    let serial = 1;
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => tokens(serial++))
      .on('ChangePassword', () => new Promise((resolve) => (finishChange = () => resolve({}))));
    let apiCalls = 0;
    const auth = newAuth(cognito, {
      apiOrigins: ['https://api.example.com'],
      fetch: async () => new Response(null, { status: apiCalls++ === 0 ? 401 : 200 }),
    });
    const settings = createAccountSettings(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    const firstAccessToken = (await auth.getTokens())!.accessToken;

    const change = settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    await vi.waitFor(() => expect(cognito.callsOf('ChangePassword')).toHaveLength(1));
    // The API's 401 refreshes and replays while the change is still in flight…
    expect((await auth.fetch('https://api.example.com/notes')).status).toBe(200);
    expect(cognito.callsOf('InitiateAuth').filter((call) => (call.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH')).toHaveLength(1);
    expect(settings.actor.getSnapshot().matches('changingPassword')).toBe(true);
    // …and the change, made with the token it started with, finishes as done.
    finishChange();
    await change;
    expect(accessTokenOf(cognito.callsOf('ChangePassword')[0]!)).toBe(firstAccessToken);
    expect(settings.actor.getSnapshot().context.notice).toBe('passwordChanged');
    settings.stop();
    auth.stop();
  });

  it('a request asked for during a refresh waits for it and uses the new access token', async () => {
    let finishRefresh: (value: ReturnType<typeof tokens>) => void = () => {};
    const cognito = new FakeCognito()
      .on('InitiateAuth', (input) =>
        input.AuthFlow === 'REFRESH_TOKEN_AUTH' ? new Promise((resolve) => (finishRefresh = resolve)) : tokens(1),
      )
      .on('ChangePassword', () => ({}));
    const auth = newAuth(cognito);
    const settings = createAccountSettings(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (s) => s.matches({ refreshing: { locked: 'requesting' } }));
    const change = settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(cognito.callsOf('ChangePassword')).toHaveLength(0);
    const refreshed = tokens(2);
    finishRefresh(refreshed);
    await change;
    expect(cognito.callsOf('ChangePassword').map(accessTokenOf)).toEqual([refreshed.AuthenticationResult.AccessToken]);
    settings.stop();
    auth.stop();
  });

  it('a sign-out during a password change rejects it as interrupted, never as done', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => tokens(1))
      .on('ChangePassword', () => new Promise(() => {}))
      .on('RevokeToken', () => ({}));
    const auth = newAuth(cognito);
    const settings = createAccountSettings(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    const change = settings.changePassword({ previousPassword: 'pw', proposedPassword: 'new-pw' });
    await waitFor(settings.actor, (s) => s.matches('changingPassword'));
    await auth.signOut();
    await expect(change).rejects.toMatchObject({ code: 'interrupted', retryable: true });
    expect(settings.actor.getSnapshot().context.notice).toBeNull();
    settings.stop();
    auth.stop();
  });

  it('signed out, a request is refused as notSignedIn without reaching Cognito', async () => {
    const cognito = new FakeCognito();
    const auth = newAuth(cognito);
    const settings = createAccountSettings(auth);
    await expect(settings.setUpTotp()).rejects.toMatchObject({ code: 'notSignedIn' });
    await expect(settings.verifyTotp('123456')).rejects.toMatchObject({ code: 'invalidRequest' });
    expect(cognito.calls).toHaveLength(0);
    settings.stop();
    auth.stop();
  });

  it('a wrong first code keeps the secret for the next try; the right one turns TOTP on and forgets it', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => tokens(1))
      .on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }))
      .on('VerifySoftwareToken', (input) => {
        if (input.UserCode !== '123456') throw new AuthError('codeMismatch', 'Code mismatch', { cognitoName: 'CodeMismatchException' });
        return { Status: 'SUCCESS' };
      })
      .on('SetUserMFAPreference', () => ({}));
    const auth = newAuth(cognito);
    const settings = createAccountSettings(auth);
    await auth.signIn({ username: 'demo', password: 'pw' });
    const setup = await settings.setUpTotp();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/authchart:demo\?secret=JBSWY3DPEHPK3PXPSETTINGS&/);
    // The secret never reaches JSON (logs, devtools, the inspector).
    expect(JSON.stringify(settings.actor.getSnapshot().context)).not.toContain(SECRET);

    await expect(settings.verifyTotp('654321')).rejects.toMatchObject({ code: 'codeMismatch' });
    expect(settings.actor.getSnapshot().value).toBe('awaitingTotpCode');
    expect(settings.actor.getSnapshot().context.totpSetup?.secretCode).toBe(SECRET);
    await settings.verifyTotp('123 456');
    expect(settings.actor.getSnapshot().context).toMatchObject({ totpSetup: null, notice: 'totpEnabled', error: null });
    expect(cognito.callsOf('SetUserMFAPreference')[0]!.input).toMatchObject({ SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    settings.stop();
    auth.stop();
  });

  it("another user's session arriving from another tab forgets the first user's TOTP secret", async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', (input) => tokens(1, input.AuthParameters?.USERNAME === 'bob' ? BOB : ALICE))
      .on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }));
    const here = newAuth(cognito);
    const settings = createAccountSettings(here);
    await here.signIn({ username: 'alice', password: 'pw' });
    await settings.setUpTotp();

    // What another tab stores and announces when Bob signs in there: this tab takes it as it is.
    const bobStorage = memoryStorage();
    const there = newAuth(cognito, { storage: bobStorage });
    await there.signIn({ username: 'bob', password: 'pw' });
    const stored = bobStorage.getItem(storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId))!;
    here.actor.send({ type: 'SESSION_CHANGED_ELSEWHERE', stored });
    await waitFor(here.actor, (s) => s.matches('signedIn') && s.context.session?.idClaims.sub === BOB);
    expect(settings.actor.getSnapshot().context.totpSetup).toBeNull();
    expect(settings.actor.getSnapshot().value).toBe('idle');
    settings.stop();
    here.stop();
    there.stop();
  });
});
