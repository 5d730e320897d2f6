import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, inject, it } from 'vitest';
import { createAccountFlows, createAccountSettings, type AccountFlows } from '../../machines/account/index.js';
import { AuthError, createAuth, memoryStorage, type Auth } from '../../machines/index.js';

const cognito = inject('cognito');
const PASSWORD = 'Test-passw0rd!';

function newAuth() {
  return createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
    endpoint: cognito.endpoint,
    storage: memoryStorage(),
  });
}

/** The account flows of an auth (the `authchart/account` entry), one per auth. */
const accounts = new WeakMap<Auth, AccountFlows>();
function account(auth: Auth): AccountFlows {
  if (!accounts.has(auth)) accounts.set(auth, createAccountFlows(auth));
  return accounts.get(auth)!;
}

function uniqueUsername(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

/** A confirmed user of the local pool, signed up through authchart itself. */
async function confirmedUser(prefix: string) {
  const username = uniqueUsername(prefix);
  const auth = newAuth();
  await account(auth).signUp({ username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
  await account(auth).confirmSignUp({ username, code: cognito.confirmationCode });
  auth.stop();
  return username;
}

function totpFor(secretCode: string) {
  return new TOTP({ secret: Secret.fromBase32(secretCode), digits: 6, period: 30, algorithm: 'SHA1' });
}

describe('account flows against cognito-local', () => {
  it('signs up, refuses a wrong code, confirms, then signs in', async () => {
    const auth = newAuth();
    const username = uniqueUsername('signup');
    const step = await account(auth).signUp({ username, password: PASSWORD, attributes: { email: `${username}@example.com` } });
    expect(step).toBe('confirmSignUp');
    expect(account(auth).actor.getSnapshot().context.pendingUsername).toBe(username);

    const wrong = await failure(account(auth).confirmSignUp({ username, code: '000000' }));
    expect(wrong.code).toBe('codeMismatch');
    expect(account(auth).actor.getSnapshot().matches('awaitingSignUpCode')).toBe(true);

    expect(await account(auth).confirmSignUp({ username, code: cognito.confirmationCode })).toBe('signIn');
    expect(account(auth).actor.getSnapshot().context.notice).toBe('signUpConfirmed');
    expect(await auth.signIn({ username, password: PASSWORD })).toBe('signedIn');
    auth.stop();
  });

  it('signs in right after confirmation with autoSignIn', async () => {
    const auth = newAuth();
    const username = uniqueUsername('auto');
    await account(auth).signUp({ username, password: PASSWORD, attributes: { email: `${username}@example.com` }, autoSignIn: true });
    expect(await account(auth).confirmSignUp({ username, code: cognito.confirmationCode })).toBe('signedIn');
    expect(auth.user()?.username).toBe(username);
    expect(account(auth).actor.getSnapshot().context.autoSignIn).toBeNull();
    auth.stop();
  });

  it('refuses a username that exists, with a typed error', async () => {
    const auth = newAuth();
    const error = await failure(account(auth).signUp({ username: cognito.demoUser.username, password: PASSWORD }));
    expect(error.code).toBe('usernameExists');
    auth.stop();
  });

  it('says plainly that the emulator cannot resend a confirmation code', async () => {
    const auth = newAuth();
    const error = await failure(account(auth).resendSignUpCode({ username: 'anyone' }));
    expect(error.code).toBe('unsupportedOperation');
    expect(error.message).toMatch(/does not support/);
    auth.stop();
  });

  it('resets a forgotten password with the emailed code, then signs in with the new one', async () => {
    const username = await confirmedUser('reset');
    const auth = newAuth();
    expect(await account(auth).forgotPassword({ username })).toBe('confirmPasswordReset');
    const wrong = await failure(account(auth).confirmPasswordReset({ username, code: '000000', newPassword: 'New-passw0rd!' }));
    expect(wrong.code).toBe('codeMismatch');
    expect(await account(auth).confirmPasswordReset({ username, code: cognito.confirmationCode, newPassword: 'New-passw0rd!' })).toBe(
      'signIn',
    );
    expect((await failure(auth.signIn({ username, password: PASSWORD }))).code).toBe('invalidCredentials');
    expect(await auth.signIn({ username, password: 'New-passw0rd!' })).toBe('signedIn');
    auth.stop();
  });

  it('answers NEW_PASSWORD_REQUIRED for an admin-created user', async () => {
    const username = uniqueUsername('admin');
    const admin = new CognitoIdentityProviderClient({
      region: cognito.region,
      endpoint: cognito.endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: cognito.userPoolId,
        Username: username,
        TemporaryPassword: 'Temp-passw0rd!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    const auth = newAuth();
    expect(await auth.signIn({ username, password: 'Temp-passw0rd!' })).toBe('newPasswordRequired');
    expect((await failure(auth.completeNewPassword({ newPassword: '' }))).code).toBe('invalidRequest');
    expect(await auth.completeNewPassword({ newPassword: 'Chosen-passw0rd!' })).toBe('signedIn');
    auth.stop();
  });

  it('sets up TOTP, then signs in with SOFTWARE_TOKEN_MFA', async () => {
    const username = await confirmedUser('totp');
    const auth = newAuth();
    const settings = createAccountSettings(auth);
    await auth.signIn({ username, password: PASSWORD });
    const setup = await settings.setUpTotp();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/authchart:/);
    expect((await failure(settings.verifyTotp('12'))).code).toBe('invalidRequest');
    const totp = totpFor(setup.secretCode);
    const wrongCode = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
    expect((await failure(settings.verifyTotp(wrongCode))).code).toBe('codeMismatch');
    await settings.verifyTotp(totp.generate());
    expect(settings.actor.getSnapshot().context.notice).toBe('totpEnabled');
    await auth.signOut();
    settings.stop();

    expect(await auth.signIn({ username, password: PASSWORD })).toBe('mfaCode');
    expect(auth.actor.getSnapshot().context.challenge?.name).toBe('SOFTWARE_TOKEN_MFA');
    expect((await failure(auth.submitMfaCode(wrongCode))).code).toBe('codeMismatch');
    expect(await auth.submitMfaCode(totp.generate())).toBe('signedIn');
    auth.stop();
  });
});
