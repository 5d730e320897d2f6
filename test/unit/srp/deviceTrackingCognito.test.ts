// The device-tracking fake and authchart's device maths checked against each other (the maths is
// checked against amazon-cognito-identity-js in deviceVectors.test.ts), and the fake against the
// reference client's own device handling.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthenticationResultType, InitiateAuthResponse } from '../../../machines/cognito/cognitoWire.js';
import { deviceClaim } from '../../../machines/srp/deviceClaim.js';
import { createDeviceVerifier } from '../../../machines/srp/deviceVerifier.js';
import { passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { startSrp } from '../../../machines/srp/startSrp.js';
import type { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import type { LoopbackServer } from '../../support/serveOnLoopback.js';
import { deviceTrackingCognito, MFA_CODE, type DeviceTrackingOptions } from '../../support/srp/deviceTrackingCognito.js';
import { serveCognito } from '../../support/srp/serveCognito.js';
import { SrpVerifier } from '../../support/srp/srpVerifier.js';

const PASSWORD = 'Corr3ct horse, battery staple ✓';
const USER_ID = 'a1b2c3d4-0000-4000-8000-canonical';
const ClientId = TEST_POOL.clientId;

interface Device {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

async function pool(options: DeviceTrackingOptions): Promise<FakeCognito> {
  const verifier = new SrpVerifier(TEST_POOL.userPoolId);
  await verifier.register(['demo', 'demo@example.com'], PASSWORD, USER_ID);
  return deviceTrackingCognito(verifier, options);
}

const claimsOf = (jwt: string | undefined) => JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/** USER_SRP_AUTH and the PASSWORD_VERIFIER answer, naming the device where and when asked. */
async function signIn(cognito: FakeCognito, device: { initiate?: string; verifier?: string } = {}, password = PASSWORD): Promise<InitiateAuthResponse> {
  const secret = startSrp();
  const named = (key: string | undefined): Record<string, string> => (key === undefined ? {} : { DEVICE_KEY: key });
  const asked = await cognito.call('InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId,
    AuthParameters: { USERNAME: 'demo', SRP_A: secret.A.toString(16), ...named(device.initiate) },
  });
  const responses = await passwordClaim({ realm: 'TestPool1', password, secret, parameters: asked.ChallengeParameters!, username: 'demo', now: Date.now() });
  return cognito.call('RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ClientId,
    Session: asked.Session!,
    ChallengeResponses: { ...responses, ...named(device.verifier) },
  });
}

/** What a client does with NewDeviceMetadata: a fresh verifier, sent with ConfirmDevice. */
async function confirm(cognito: FakeCognito, result: AuthenticationResultType | undefined, DeviceName = 'Firefox on Linux') {
  const { DeviceKey, DeviceGroupKey } = result!.NewDeviceMetadata!;
  const { devicePassword, verifierConfig } = await createDeviceVerifier({ deviceKey: DeviceKey!, deviceGroupKey: DeviceGroupKey! });
  const answer = await cognito.call('ConfirmDevice', { AccessToken: result!.AccessToken!, DeviceKey: DeviceKey!, DeviceSecretVerifierConfig: verifierConfig, DeviceName });
  const device: Device = { deviceKey: DeviceKey!, deviceGroupKey: DeviceGroupKey!, devicePassword };
  return { device, answer, accessToken: result!.AccessToken!, refreshToken: result!.RefreshToken! };
}

/** A new sign-in and its device confirmed. */
async function remembered(cognito: FakeCognito) {
  return confirm(cognito, (await signIn(cognito)).AuthenticationResult);
}

/** DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER with authchart's claim. */
async function proveDevice(cognito: FakeCognito, asked: InitiateAuthResponse, device: Device) {
  expect(asked.ChallengeName).toBe('DEVICE_SRP_AUTH');
  const secret = startSrp();
  const challenge = await cognito.call('RespondToAuthChallenge', {
    ChallengeName: 'DEVICE_SRP_AUTH',
    ClientId,
    Session: asked.Session!,
    ChallengeResponses: { USERNAME: 'demo', DEVICE_KEY: device.deviceKey, SRP_A: secret.A.toString(16) },
  });
  expect(challenge.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
  expect(Object.keys(challenge.ChallengeParameters!).sort()).toEqual(['DEVICE_KEY', 'SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME']);
  expect(challenge.ChallengeParameters).toMatchObject({ USERNAME: USER_ID, DEVICE_KEY: device.deviceKey });
  const responses = await deviceClaim({ ...device, secret, parameters: challenge.ChallengeParameters!, username: 'demo', now: Date.now() });
  return cognito.call('RespondToAuthChallenge', { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ClientId, Session: challenge.Session!, ChallengeResponses: responses });
}

const refresh = (cognito: FakeCognito, refreshToken: string, deviceKey?: string) =>
  cognito.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: refreshToken, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) } });
const refreshByGetTokens = (cognito: FakeCognito, refreshToken: string, deviceKey?: string) =>
  cognito.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: refreshToken, ...(deviceKey ? { DeviceKey: deviceKey } : {}) });

describe('a pool that tracks devices (a test fake: cognito-local has no device tracking)', () => {
  it('names a new device at sign-in: NewDeviceMetadata, and the access token carries its key', async () => {
    const cognito = await pool({ mode: 'always' });
    const result = (await signIn(cognito)).AuthenticationResult!;
    expect(result.NewDeviceMetadata).toEqual({ DeviceKey: expect.stringMatching(/^us-east-1_[0-9a-f-]{36}$/), DeviceGroupKey: expect.stringMatching(/^-[0-9A-Za-z]+$/) });
    expect(claimsOf(result.AccessToken)).toMatchObject({ token_use: 'access', device_key: result.NewDeviceMetadata!.DeviceKey });
    expect((await signIn(cognito)).AuthenticationResult!.NewDeviceMetadata!.DeviceKey).not.toBe(result.NewDeviceMetadata!.DeviceKey);
  });

  it.each([
    ['always', false],
    ['userOptIn', true],
  ] as const)('ConfirmDevice (%s) stores the verifier and says whether the user must opt in (%s); a second one is DeviceKeyExists', async (mode, necessary) => {
    const cognito = await pool({ mode });
    const result = (await signIn(cognito)).AuthenticationResult!;
    expect((await confirm(cognito, result)).answer).toEqual({ UserConfirmationNecessary: necessary });
    await expect(confirm(cognito, result)).rejects.toMatchObject({ cognitoName: 'DeviceKeyExistsException' });
  });

  it("refuses ConfirmDevice without a valid access token, or with another device's", async () => {
    const cognito = await pool({ mode: 'always' });
    const first = (await signIn(cognito)).AuthenticationResult!;
    const second = (await signIn(cognito)).AuthenticationResult!;
    await expect(confirm(cognito, { ...first, AccessToken: 'not.a.token' })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException', code: 'notAuthorized' });
    await expect(confirm(cognito, { ...first, AccessToken: second.AccessToken })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    await expect(confirm(cognito, { ...first, NewDeviceMetadata: { DeviceKey: 'us-east-1_unknown', DeviceGroupKey: '-x' } })).rejects.toMatchObject({
      cognitoName: 'ResourceNotFoundException',
    });
    expect((await confirm(cognito, first)).answer).toEqual({ UserConfirmationNecessary: false });
  });

  it('asks a remembered device to prove itself (named with the PASSWORD_VERIFIER answer), with real SRP against its verifier', async () => {
    const cognito = await pool({ mode: 'always' });
    const { device } = await remembered(cognito);
    const asked = await signIn(cognito, { initiate: device.deviceKey, verifier: device.deviceKey });
    expect(asked).toMatchObject({ ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: { USERNAME: USER_ID } });
    const result = (await proveDevice(cognito, asked, device)).AuthenticationResult!;
    expect(result.NewDeviceMetadata).toBeUndefined();
    expect(claimsOf(result.AccessToken)).toMatchObject({ device_key: device.deviceKey });
  });

  it('takes the device from each answer only: one named at InitiateAuth and not in the answer signs in as a new device', async () => {
    const cognito = await pool({ mode: 'always' });
    const { device } = await remembered(cognito);
    const result = (await signIn(cognito, { initiate: device.deviceKey })).AuthenticationResult!;
    expect(result.NewDeviceMetadata?.DeviceKey).not.toBe(device.deviceKey);
  });

  it('refuses a wrong device proof as NotAuthorized, and a claim for someone else', async () => {
    const cognito = await pool({ mode: 'always' });
    const { device } = await remembered(cognito);
    const wrongPassword = { ...device, devicePassword: `${device.devicePassword}x` };
    await expect(proveDevice(cognito, await signIn(cognito, { verifier: device.deviceKey }), wrongPassword)).rejects.toMatchObject({
      cognitoName: 'NotAuthorizedException',
      code: 'invalidCredentials',
    });
    const wrongGroup = { ...device, deviceGroupKey: '-another1' };
    await expect(proveDevice(cognito, await signIn(cognito, { verifier: device.deviceKey }), wrongGroup)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
  });

  it('answers an unknown device with ResourceNotFound before spending the session, as the reference client expects', async () => {
    const cognito = await pool({ mode: 'always' });
    await expect(signIn(cognito, { verifier: 'us-east-1_unknown' })).rejects.toMatchObject({ cognitoName: 'ResourceNotFoundException', message: 'Device does not exist.' });
    const [retried] = cognito.callsOf('RespondToAuthChallenge').map((call) => call.input as { Session: string; ChallengeResponses: Record<string, string> });
    const { DEVICE_KEY: _forgotten, ...withoutDevice } = retried!.ChallengeResponses;
    const answer = await cognito.call('RespondToAuthChallenge', { ChallengeName: 'PASSWORD_VERIFIER', ClientId, Session: retried!.Session, ChallengeResponses: withoutDevice });
    expect(answer.AuthenticationResult?.NewDeviceMetadata).toBeDefined();
  });

  it('user opt-in: a tracked device signs in as itself without a proof; once remembered, it proves itself', async () => {
    const cognito = await pool({ mode: 'userOptIn' });
    const { device, accessToken } = await remembered(cognito);
    const tracked = (await signIn(cognito, { verifier: device.deviceKey })).AuthenticationResult!;
    expect(tracked.NewDeviceMetadata).toBeUndefined();
    expect(claimsOf(tracked.AccessToken)).toMatchObject({ device_key: device.deviceKey });
    expect(await cognito.call('UpdateDeviceStatus', { AccessToken: accessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' })).toEqual({});
    expect((await proveDevice(cognito, await signIn(cognito, { verifier: device.deviceKey }), device)).AuthenticationResult).toBeDefined();
    await cognito.call('UpdateDeviceStatus', { AccessToken: accessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'not_remembered' });
    expect((await signIn(cognito, { verifier: device.deviceKey })).AuthenticationResult).toBeDefined();
  });

  it.each([
    ['REFRESH_TOKEN_AUTH', refresh],
    ['GetTokensFromRefreshToken', refreshByGetTokens],
  ])('%s: refused without the confirmed device key (or with another, or before ConfirmDevice); tokens with it', async (_, refreshWith) => {
    const cognito = await pool({ mode: 'always' });
    const unconfirmed = (await signIn(cognito)).AuthenticationResult!;
    await expect(refreshWith(cognito, unconfirmed.RefreshToken!, unconfirmed.NewDeviceMetadata!.DeviceKey)).rejects.toMatchObject({
      cognitoName: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
      code: 'refreshRejected',
    });
    const { device, refreshToken } = await remembered(cognito);
    await expect(refreshWith(cognito, refreshToken)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
    await expect(refreshWith(cognito, refreshToken, unconfirmed.NewDeviceMetadata!.DeviceKey)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
    await expect(refreshWith(cognito, 'not-issued', device.deviceKey)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
    const fresh = (await refreshWith(cognito, refreshToken, device.deviceKey)).AuthenticationResult!;
    expect(fresh.RefreshToken).toBeUndefined();
    expect(claimsOf(fresh.AccessToken)).toMatchObject({ device_key: device.deviceKey });
  });

  it("ForgetDevice: the device's key stops working (device challenge, sign-in, refresh) and it leaves the list", async () => {
    const cognito = await pool({ mode: 'always' });
    const { device, accessToken, refreshToken } = await remembered(cognito);
    const asked = await signIn(cognito, { verifier: device.deviceKey });
    expect(await cognito.call('ForgetDevice', { AccessToken: accessToken, DeviceKey: device.deviceKey })).toEqual({});
    await expect(proveDevice(cognito, asked, device)).rejects.toMatchObject({ cognitoName: 'ResourceNotFoundException' });
    await expect(signIn(cognito, { verifier: device.deviceKey })).rejects.toMatchObject({ cognitoName: 'ResourceNotFoundException' });
    await expect(refresh(cognito, refreshToken, device.deviceKey)).rejects.toMatchObject({ message: 'Invalid Refresh Token' });
    await expect(cognito.call('ForgetDevice', { AccessToken: accessToken, DeviceKey: device.deviceKey })).rejects.toMatchObject({ cognitoName: 'ResourceNotFoundException' });
    expect((await cognito.call('ListDevices', { AccessToken: accessToken })).Devices).toEqual([]);
  });

  it('ListDevices: confirmed devices with their name and remembered status, dates in epoch seconds, a page at a time', async () => {
    const cognito = await pool({ mode: 'userOptIn' });
    const before = Date.now() / 1000;
    const first = await remembered(cognito);
    await confirm(cognito, (await signIn(cognito)).AuthenticationResult, 'Safari on iPhone');
    await signIn(cognito); // tracked, never confirmed: not listed
    await cognito.call('UpdateDeviceStatus', { AccessToken: first.accessToken, DeviceKey: first.device.deviceKey, DeviceRememberedStatus: 'remembered' });
    const page = await cognito.call('ListDevices', { AccessToken: first.accessToken, Limit: 1 });
    const rest = await cognito.call('ListDevices', { AccessToken: first.accessToken, PaginationToken: page.PaginationToken! });
    expect(rest.PaginationToken).toBeUndefined();
    const listed = [...page.Devices!, ...rest.Devices!];
    const attributes = listed.map((device) => Object.fromEntries(device.DeviceAttributes!.map(({ Name, Value }) => [Name, Value])));
    expect(attributes).toEqual([
      expect.objectContaining({ device_name: 'Firefox on Linux', 'dev:device_remembered_status': 'remembered', device_status: 'valid' }),
      expect.objectContaining({ device_name: 'Safari on iPhone', 'dev:device_remembered_status': 'not_remembered' }),
    ]);
    expect(listed[0]).toMatchObject({ DeviceKey: first.device.deviceKey });
    for (const date of listed.flatMap((device) => [device.DeviceCreateDate, device.DeviceLastModifiedDate, device.DeviceLastAuthenticatedDate])) {
      expect(typeof date).toBe('number');
      expect(date as number).toBeGreaterThanOrEqual(Math.floor(before));
      expect(date as number).toBeLessThan(Date.now() / 1000 + 1);
    }
    await expect(cognito.call('ListDevices', { AccessToken: 'not.a.token' })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
  });

  it('MFA: a new device answers the code; with skipMfaOnRememberedDevice, a remembered one proves itself instead', async () => {
    const cognito = await pool({ mode: 'always', mfa: 'SOFTWARE_TOKEN_MFA', skipMfaOnRememberedDevice: true });
    const asked = await signIn(cognito);
    expect(asked.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const answer = (code: string) =>
      cognito.call('RespondToAuthChallenge', { ChallengeName: 'SOFTWARE_TOKEN_MFA', ClientId, Session: asked.Session!, ChallengeResponses: { USERNAME: USER_ID, SOFTWARE_TOKEN_MFA_CODE: code } });
    await expect(answer('000000')).rejects.toMatchObject({ cognitoName: 'CodeMismatchException', code: 'codeMismatch' });
    const { device } = await confirm(cognito, (await answer(MFA_CODE)).AuthenticationResult);
    expect((await proveDevice(cognito, await signIn(cognito, { verifier: device.deviceKey }), device)).AuthenticationResult).toBeDefined();
  });

  it('MFA without skipping: a remembered device still answers the code, then proves itself', async () => {
    const cognito = await pool({ mode: 'always', mfa: 'SMS_MFA' });
    const first = await signIn(cognito);
    const code = (session: string, named: Record<string, string> = {}) =>
      cognito.call('RespondToAuthChallenge', { ChallengeName: 'SMS_MFA', ClientId, Session: session, ChallengeResponses: { USERNAME: USER_ID, SMS_MFA_CODE: MFA_CODE, ...named } });
    const { device } = await confirm(cognito, (await code(first.Session!)).AuthenticationResult);
    const asked = await signIn(cognito, { verifier: device.deviceKey });
    expect(asked).toMatchObject({ ChallengeName: 'SMS_MFA', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' } });
    expect((await proveDevice(cognito, await code(asked.Session!, { DEVICE_KEY: device.deviceKey }), device)).AuthenticationResult).toBeDefined();
    // The code's answer must name the device again: without it, this is a new device.
    const again = await signIn(cognito, { verifier: device.deviceKey });
    expect((await code(again.Session!)).AuthenticationResult?.NewDeviceMetadata).toBeDefined();
  });

  it('USER_PASSWORD_AUTH: checks the password, and a remembered device named there proves itself', async () => {
    const cognito = await pool({ mode: 'always' });
    const { device } = await remembered(cognito);
    const initiate = (PASSWORD: string, extra = {}) => cognito.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: 'demo', PASSWORD, ...extra } });
    await expect(initiate('wrong')).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException', code: 'invalidCredentials' });
    expect((await initiate(PASSWORD)).AuthenticationResult?.NewDeviceMetadata).toBeDefined();
    expect((await proveDevice(cognito, await initiate(PASSWORD, { DEVICE_KEY: device.deviceKey }), device)).AuthenticationResult).toBeDefined();
  });
});

describe("the fake against amazon-cognito-identity-js's own device handling", () => {
  const require = createRequire(import.meta.url);
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js') as typeof import('amazon-cognito-identity-js');
  let server: LoopbackServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('confirms the device it is given, then signs in with DEVICE_SRP_AUTH and refreshes with its key', async () => {
    const cognito = await pool({ mode: 'always' });
    server = await serveCognito(cognito);
    const userPool = new CognitoUserPool({ UserPoolId: TEST_POOL.userPoolId, ClientId, endpoint: server.origin });
    const signInReference = () => {
      const user = new CognitoUser({ Username: 'demo', Pool: userPool });
      return new Promise<InstanceType<typeof CognitoUser>>((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: 'demo', Password: PASSWORD }), { onSuccess: () => resolve(user), onFailure: reject }),
      );
    };
    await signInReference();
    expect(cognito.callsOf('ConfirmDevice')).toHaveLength(1);
    const user = await signInReference();
    const challenges = cognito.callsOf('RespondToAuthChallenge').map((call) => (call.input as { ChallengeName: string }).ChallengeName);
    expect(challenges).toEqual(['PASSWORD_VERIFIER', 'PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    const session = user.getSignInUserSession()!;
    await new Promise((resolve, reject) => user.refreshSession(session.getRefreshToken(), (error: unknown, value: unknown) => (error ? reject(error) : resolve(value))));
    expect(cognito.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { DEVICE_KEY: expect.any(String) } });
  });
});
