// Device tracking in the dev world (dev/deviceTracking.js, behind dev/userAuthFront.js with
// `trackDevices`), in front of the run's cognito-local: authchart's own client
// (`createAuth({ devices: rememberedDevices() })`, fetchTransport) on one side. cognito-local has
// no device tracking: the front is a fake of it, named so, in "user opt-in" mode; the password
// sign-ins and refreshes it wraps are cognito-local's. The device's SRP proof is checked by the
// front against the verifier ConfirmDevice stored, so a wrong device password is refused; the
// reference client (amazon-cognito-identity-js) remembers and proves its device against it too.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { waitFor } from 'xstate';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cognitoLocalSigningKey, verifiedClaims } from '../../dev/signingKey.js';
import { startUserAuthFront, type UserAuthFront } from '../../dev/userAuthFront.js';
import { choiceBasedSignIn } from '../../machines/choice/index.js';
import { createDevices, rememberedDevices } from '../../machines/devices/index.js';
import { AuthError, createAuth, fetchTransport, memoryStorage, type Auth, type CognitoTransport } from '../../machines/index.js';
import { deviceClaim } from '../../machines/srp/deviceClaim.js';
import { createDeviceVerifier } from '../../machines/srp/deviceVerifier.js';
import { startSrp } from '../../machines/srp/startSrp.js';
import { topState } from '../support/topState.js';

const cognito = inject('cognito');
const ClientId = cognito.clientId;
const PASSWORD = 'Device-passw0rd!';

let front: UserAuthFront;
/** Straight to the front, outside any auth: the requests a test makes by hand. */
let raw: CognitoTransport;

beforeAll(async () => {
  front = await startUserAuthFront({
    cognitoEndpoint: cognito.endpoint,
    userPoolId: cognito.userPoolId,
    clientId: ClientId,
    signingKey: cognitoLocalSigningKey(),
    users: [],
    origins: ['http://localhost:5173'],
    rpId: 'localhost',
    trackDevices: true,
  });
  raw = fetchTransport({ region: cognito.region, endpoint: front.endpoint });
});

afterAll(() => front?.stop());

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});

/** A user of this test only (cognito-local rewrites a user's record at every sign-in). */
async function newUser(prefix: string): Promise<{ username: string; sub: string }> {
  const username = `${prefix}-${randomUUID().slice(0, 8)}`;
  const local = fetchTransport({ region: cognito.region, endpoint: cognito.endpoint });
  const { UserSub } = await local.call('SignUp', { ClientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }] });
  await local.call('ConfirmSignUp', { ClientId, Username: username, ConfirmationCode: cognito.confirmationCode });
  return { username, sub: UserSub! };
}

/** Every call the auth sent to the front, with its flow or challenge: `InitiateAuth USER_PASSWORD_AUTH`. */
function recording(inner: CognitoTransport) {
  const calls: string[] = [];
  const inputs: { operation: string; input: Record<string, any> }[] = [];
  const transport: CognitoTransport = {
    call(operation, input, options) {
      const named = input as { AuthFlow?: string; ChallengeName?: string };
      calls.push([operation, named.AuthFlow ?? named.ChallengeName].filter(Boolean).join(' '));
      inputs.push({ operation, input: input as Record<string, any> });
      return inner.call(operation, input, options);
    },
  };
  return { transport, calls, inputs };
}

function startAuth(transport: CognitoTransport): Auth {
  const auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: cognito.userPoolId,
    clientId: ClientId,
    endpoint: front.endpoint,
    // The front's tokens are cognito-local's: its issuer, its key.
    issuer: `${cognito.endpoint}/${cognito.userPoolId}`,
    storage: memoryStorage(),
    transport,
    wake: null,
    tabs: false,
    devices: rememberedDevices({ deviceName: 'Node test' }),
  });
  running.push(auth);
  return auth;
}

const session = (auth: Auth) => auth.actor.getSnapshot().context.session!;

async function refused(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('device tracking in the dev front (user opt-in), before cognito-local', () => {
  it('confirms the device at sign-in, refreshes with its key, proves it once remembered, and signs in as a new device once forgotten', async () => {
    const { username } = await newUser('device');
    const { transport, calls, inputs } = recording(fetchTransport({ region: cognito.region, endpoint: front.endpoint }));
    const auth = startAuth(transport);
    const devices = createDevices(auth);

    // A sign-in without a device: the front names a new one, the client confirms it.
    await auth.signIn({ username, password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(calls).toEqual(['InitiateAuth USER_PASSWORD_AUTH', 'ConfirmDevice']);
    const deviceKey = inputs[1]!.input['DeviceKey'] as string;
    expect(deviceKey).toMatch(new RegExp(`^${cognito.region}_[0-9a-f-]{36}$`));
    expect(session(auth).accessClaims.device_key).toBe(deviceKey);
    // Signed with cognito-local's key, which still takes the token (GetUser, forwarded to it).
    expect(verifiedClaims(session(auth).tokens.accessToken, cognitoLocalSigningKey())).toMatchObject({ device_key: deviceKey, username });
    await expect(raw.call('GetUser', { AccessToken: session(auth).tokens.accessToken })).resolves.toMatchObject({ Username: username });
    // User opt-in: tracked, not remembered yet.
    expect(await devices.listDevices()).toEqual([expect.objectContaining({ key: deviceKey, name: 'Node test', remembered: false, current: true, lastSignInAt: expect.any(Number) })]);

    // A refresh carries the device key (GetTokensFromRefreshToken is cognito-local's Unsupported: REFRESH_TOKEN_AUTH then).
    calls.length = 0;
    inputs.length = 0;
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (snapshot) => snapshot.matches('signedIn') && snapshot.context.refreshCount === 1);
    expect(calls).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth REFRESH_TOKEN_AUTH']);
    expect(inputs[0]!.input).toMatchObject({ DeviceKey: deviceKey });
    expect(inputs[1]!.input).toMatchObject({ AuthParameters: { DEVICE_KEY: deviceKey } });
    expect(session(auth).accessClaims.device_key).toBe(deviceKey);
    // Without the key, or with another, the same refresh token is refused.
    const refreshToken = session(auth).tokens.refreshToken;
    for (const parameters of [{}, { DEVICE_KEY: `${cognito.region}_${randomUUID()}` }] as Record<string, string>[]) {
      const error = await refused(raw.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: refreshToken, ...parameters } }));
      expect([error.cognitoName, error.code]).toEqual(['NotAuthorizedException', 'refreshRejected']);
    }

    // Tracked but not remembered: the next sign-in names the device, with no proof asked.
    await auth.signOut();
    calls.length = 0;
    await auth.signIn({ username, password: PASSWORD });
    expect(calls).toEqual(['InitiateAuth USER_PASSWORD_AUTH']);
    expect(session(auth).accessClaims.device_key).toBe(deviceKey);

    // Remembered: the next sign-in on it proves the device's secret (DEVICE_SRP_AUTH).
    await devices.rememberDevice();
    expect(await devices.listDevices()).toEqual([expect.objectContaining({ key: deviceKey, remembered: true, current: true })]);
    await auth.signOut();
    calls.length = 0;
    inputs.length = 0;
    await auth.signIn({ username, password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(calls).toEqual(['InitiateAuth USER_PASSWORD_AUTH', 'RespondToAuthChallenge DEVICE_SRP_AUTH', 'RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER']);
    expect(inputs[0]!.input).toMatchObject({ AuthParameters: { USERNAME: username, DEVICE_KEY: deviceKey } });
    expect(session(auth).accessClaims.device_key).toBe(deviceKey);

    // Forgotten: its session ends here on purpose (the pool would refresh it no more), and the
    // next sign-in is a new device's.
    const before = session(auth).tokens.refreshToken;
    await devices.forgetDevice();
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    await expect(raw.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: before, DeviceKey: deviceKey })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    calls.length = 0;
    inputs.length = 0;
    await auth.signIn({ username, password: PASSWORD });
    expect(calls).toEqual(['InitiateAuth USER_PASSWORD_AUTH', 'ConfirmDevice']);
    expect(inputs[0]!.input['AuthParameters']).not.toHaveProperty('DEVICE_KEY');
    const newKey = inputs[1]!.input['DeviceKey'] as string;
    expect(newKey).not.toBe(deviceKey);
    expect(session(auth).accessClaims.device_key).toBe(newKey);
    expect((await devices.listDevices()).map((device) => device.key)).toEqual([newKey]);
  });

  it('checks the device proof against the stored verifier, and refuses a device it does not know', async () => {
    const { username } = await newUser('proof');
    const signIn = (deviceKey?: string) =>
      raw.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: username, PASSWORD: PASSWORD, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) } });
    const first = (await signIn()).AuthenticationResult!;
    const device = { deviceKey: first.NewDeviceMetadata!.DeviceKey!, deviceGroupKey: first.NewDeviceMetadata!.DeviceGroupKey! };
    const { devicePassword, verifierConfig } = await createDeviceVerifier(device);
    const AccessToken = first.AccessToken!;
    await expect(raw.call('ConfirmDevice', { AccessToken, DeviceKey: device.deviceKey, DeviceSecretVerifierConfig: verifierConfig, DeviceName: 'by hand' })).resolves.toEqual({ UserConfirmationNecessary: true });
    expect((await refused(raw.call('ConfirmDevice', { AccessToken, DeviceKey: device.deviceKey, DeviceSecretVerifierConfig: verifierConfig }))).cognitoName).toBe('DeviceKeyExistsException');
    await raw.call('UpdateDeviceStatus', { AccessToken, DeviceKey: device.deviceKey, DeviceRememberedStatus: 'remembered' });

    /** The device's proof with this password: tokens, or the front's refusal. */
    const prove = async (password: string) => {
      const asked = await signIn(device.deviceKey);
      expect(asked.ChallengeName).toBe('DEVICE_SRP_AUTH');
      const secret = startSrp();
      const responses = { USERNAME: username, DEVICE_KEY: device.deviceKey, SRP_A: secret.A.toString(16) };
      const verifier = await raw.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: asked.Session!, ChallengeResponses: responses });
      expect(verifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
      const claim = await deviceClaim({ ...device, devicePassword: password, secret, parameters: verifier.ChallengeParameters!, username, now: Date.now() });
      return raw.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: verifier.Session!, ChallengeResponses: claim });
    };
    const wrong = await refused(prove(`${devicePassword}x`));
    expect(wrong.cognitoName).toBe('NotAuthorizedException');
    const proven = (await prove(devicePassword)).AuthenticationResult!;
    expect(proven.NewDeviceMetadata).toBeUndefined();
    expect(verifiedClaims(proven.AccessToken!, cognitoLocalSigningKey())).toMatchObject({ device_key: device.deviceKey });

    // A key the pool never issued: "Device does not exist", before the password is checked.
    expect((await refused(signIn(`${cognito.region}_${randomUUID()}`))).cognitoName).toBe('ResourceNotFoundException');
    // ListDevices with the device's dates in seconds, and its attributes.
    const { Devices } = await raw.call('ListDevices', { AccessToken: proven.AccessToken! });
    expect(Devices).toEqual([
      expect.objectContaining({
        DeviceKey: device.deviceKey,
        DeviceAttributes: expect.arrayContaining([
          { Name: 'device_name', Value: 'by hand' },
          { Name: 'dev:device_remembered_status', Value: 'remembered' },
        ]),
      }),
    ]);
    const created = Devices![0]!.DeviceCreateDate as unknown as number;
    expect(Math.abs(created - Date.now() / 1000)).toBeLessThan(60);
  });
});

describe('device tracking over the front’s own sign-ins (USER_AUTH)', () => {
  /** A front that knows the user, so it sends them codes by "email" (kept for the test). */
  async function codesFront(user: { username: string; sub: string }): Promise<UserAuthFront> {
    return startUserAuthFront({
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: ClientId,
      signingKey: cognitoLocalSigningKey(),
      users: [{ ...user, email: `${user.username}@example.com` }],
      origins: ['http://localhost:5173'],
      rpId: 'localhost',
      trackDevices: true,
    });
  }

  it('gives a code sign-in a device too, whose refresh token then needs its key', async () => {
    const { username, sub } = await newUser('code');
    const codes = await codesFront({ username, sub });
    try {
      const transport = fetchTransport({ region: cognito.region, endpoint: codes.endpoint });
      const asked = await transport.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId, AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' } });
      const answer = await transport.call('RespondToAuthChallenge', {
        ClientId,
        ChallengeName: 'EMAIL_OTP',
        Session: asked.Session!,
        ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: codes.lastCode(username)! },
      });
      const result = answer.AuthenticationResult!;
      const deviceKey = result.NewDeviceMetadata!.DeviceKey!;
      expect(verifiedClaims(result.AccessToken!, cognitoLocalSigningKey())).toMatchObject({ device_key: deviceKey, sub });
      const { verifierConfig } = await createDeviceVerifier({ deviceKey, deviceGroupKey: result.NewDeviceMetadata!.DeviceGroupKey! });
      await transport.call('ConfirmDevice', { AccessToken: result.AccessToken!, DeviceKey: deviceKey, DeviceSecretVerifierConfig: verifierConfig });
      const refresh = (DeviceKey?: string) =>
        transport.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: result.RefreshToken!, ...(DeviceKey ? { DeviceKey } : {}) });
      expect((await refused(refresh())).cognitoName).toBe('NotAuthorizedException');
      const refreshed = (await refresh(deviceKey)).AuthenticationResult!;
      expect(verifiedClaims(refreshed.AccessToken!, cognitoLocalSigningKey())).toMatchObject({ device_key: deviceKey });
    } finally {
      await codes.stop();
    }
  });

  it("names the device in the code's answer, so the next code sign-in is the same device", async () => {
    const user = await newUser('code-again');
    const codes = await codesFront(user);
    try {
      const { transport, inputs } = recording(fetchTransport({ region: cognito.region, endpoint: codes.endpoint }));
      const auth = createAuth({
        authFlow: 'USER_AUTH',
        choice: choiceBasedSignIn(),
        userPoolId: cognito.userPoolId,
        clientId: ClientId,
        endpoint: codes.endpoint,
        issuer: `${cognito.endpoint}/${cognito.userPoolId}`,
        storage: memoryStorage(),
        transport,
        wake: null,
        tabs: false,
        devices: rememberedDevices({ deviceName: 'Node test' }),
      });
      running.push(auth);
      const byCode = async () => {
        await auth.signIn({ username: user.username, preferredChallenge: 'EMAIL_OTP' });
        await auth.submitMfaCode(codes.lastCode(user.username)!);
        expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
      };
      await byCode();
      const deviceKey = session(auth).accessClaims.device_key;
      await auth.signOut();
      await byCode();

      const codeAnswers = inputs.filter(({ input }) => input['ChallengeName'] === 'EMAIL_OTP');
      expect(codeAnswers.at(-1)!.input['ChallengeResponses']).toMatchObject({ DEVICE_KEY: deviceKey });
      expect(session(auth).accessClaims.device_key).toBe(deviceKey);
      expect(inputs.filter(({ operation }) => operation === 'ConfirmDevice')).toHaveLength(1);
    } finally {
      await codes.stop();
    }
  });
});

describe("the dev front against amazon-cognito-identity-js's own device handling", () => {
  const require = createRequire(import.meta.url);
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = require('amazon-cognito-identity-js') as typeof import('amazon-cognito-identity-js');
  type ReferenceUser = InstanceType<typeof CognitoUser>;
  const done = <T>(run: (callback: (error: unknown, value?: T) => void) => void) =>
    new Promise<T | undefined>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

  /** What the reference client sends to the front: `RespondToAuthChallenge DEVICE_SRP_AUTH`… (it calls the global fetch). */
  function watchFront() {
    const seen: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const target = new Headers(init?.headers).get('x-amz-target');
      if (String(input).startsWith(front.endpoint) && target && typeof init?.body === 'string') {
        const body = JSON.parse(init.body) as { AuthFlow?: string; ChallengeName?: string };
        seen.push([target.split('.')[1], body.AuthFlow ?? body.ChallengeName].filter(Boolean).join(' '));
      }
      return original(input, init);
    };
    return { seen, stop: () => (globalThis.fetch = original) };
  }

  it('confirms its device, remembers it, signs in with DEVICE_SRP_AUTH and refreshes with its key', async () => {
    const { username } = await newUser('reference');
    const userPool = new CognitoUserPool({ UserPoolId: cognito.userPoolId, ClientId, endpoint: front.endpoint });
    const signInReference = () => {
      const user = new CognitoUser({ Username: username, Pool: userPool });
      // cognito-local has no SRP, nor does the dev front: the password goes as it is.
      user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
      return new Promise<{ user: ReferenceUser; confirmationNecessary: boolean }>((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: username, Password: PASSWORD }), {
          onSuccess: (_session, confirmationNecessary) => resolve({ user, confirmationNecessary: confirmationNecessary === true }),
          onFailure: reject,
        }),
      );
    };
    const watch = watchFront();
    try {
      const first = await signInReference();
      // User opt-in: the device is tracked, and the user is asked whether to remember it.
      expect(first.confirmationNecessary).toBe(true);
      await new Promise((resolve, reject) => first.user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }));
      const second = await signInReference();
      const session = second.user.getSignInUserSession()!;
      await done((callback) => second.user.refreshSession(session.getRefreshToken(), callback));
      expect(watch.seen).toEqual([
        'InitiateAuth USER_PASSWORD_AUTH',
        'ConfirmDevice',
        'UpdateDeviceStatus',
        'InitiateAuth USER_PASSWORD_AUTH',
        'RespondToAuthChallenge DEVICE_SRP_AUTH',
        'RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER',
        'InitiateAuth REFRESH_TOKEN_AUTH',
      ]);
      const deviceKey = (second.user as unknown as { deviceKey: string }).deviceKey;
      expect(second.user.getSignInUserSession()!.getAccessToken().decodePayload()).toMatchObject({ device_key: deviceKey });
    } finally {
      watch.stop();
    }
  });
});
