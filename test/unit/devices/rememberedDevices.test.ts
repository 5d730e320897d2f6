import { waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, resolveConfig, type Auth, type AuthConfig, type TokenStorage } from '../../../machines/index.js';
import { forgetDeviceOf, readDeviceFor, readDeviceOf, storeDevice } from '../../../machines/devices/deviceRecords.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import type { StorageTier } from '../../../machines/storage/StorageTier.js';
import { createDevices, rememberedDevices } from '../../../machines/devices/index.js';
import { vaultTier } from '../../../machines/worker/vaultTier.js';
import { createAccountData } from '../../../machines/account/index.js';
import { serveVault } from '../../../machines/worker/serveVault.js';
import { deviceTrackingCognito, MFA_CODE, type DeviceTrackingOptions } from '../../support/srp/deviceTrackingCognito.js';
import { SrpVerifier } from '../../support/srp/srpVerifier.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { topState } from '../../support/topState.js';

// Remembered devices end to end in Node: authchart with `rememberedDevices()` against a pool that
// tracks devices (test/support/srp/deviceTrackingCognito.ts, a fake shaped as Cognito's API
// reference: cognito-local has no device tracking). The pool checks the device's SRP proof
// against the verifier ConfirmDevice stored, so the client's maths and its secrets are tested
// here together; the maths alone are held to amazon-cognito-identity-js in deviceVectors.

const PASSWORD = 'correct horse battery staple';
// The fake's users: their SRP id is their username, and their `sub`.
const ALICE = 'alice';
const BOB = 'bob';

const running: Auth[] = [];
afterEach(() => {
  for (const auth of running.splice(0)) auth.stop();
});

async function trackingPool(options: DeviceTrackingOptions) {
  const verifier = new SrpVerifier(TEST_POOL.userPoolId);
  await verifier.register([ALICE, 'alice@example.com'], PASSWORD, ALICE);
  await verifier.register([BOB], PASSWORD, BOB);
  return deviceTrackingCognito(verifier, options);
}

function start(pool: FakeCognito, storage: TokenStorage | StorageTier, config: Partial<AuthConfig> = {}): Auth {
  const auth = createAuth({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    // A storage tier brings its own transport (the vault's).
    ...('transport' in storage ? {} : { transport: pool }),
    storage,
    wake: null,
    tabs: false,
    devices: rememberedDevices({ deviceName: 'Test browser' }),
    ...config,
  });
  running.push(auth);
  return auth;
}

const challengesAnswered = (pool: FakeCognito) =>
  pool.callsOf('RespondToAuthChallenge').map((call) => (call.input as { ChallengeName: string }).ChallengeName);

describe('a pool that remembers every device ("always")', () => {
  it('confirms the device at the first sign-in, refreshes with its key, and proves it at the next sign-in', async () => {
    const pool = await trackingPool({ mode: 'always' });
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    const confirm = pool.callsOf('ConfirmDevice')[0]!.input as { DeviceKey: string; DeviceName: string; DeviceSecretVerifierConfig: object };
    expect(confirm).toMatchObject({ DeviceName: 'Test browser', DeviceSecretVerifierConfig: { PasswordVerifier: expect.any(String), Salt: expect.any(String) } });

    // The pool refuses a refresh without the device key: this one goes through.
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (snapshot) => snapshot.matches('signedIn') && snapshot.context.refreshCount === 1);
    expect(pool.callsOf('GetTokensFromRefreshToken')[0]!.input).toMatchObject({ DeviceKey: confirm.DeviceKey });

    // A remembered device outlives the session.
    await auth.signOut();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(pool.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthParameters: { USERNAME: 'alice', DEVICE_KEY: confirm.DeviceKey } });
    expect(challengesAnswered(pool).slice(-3)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    // The same device: nothing new to confirm.
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(1);
    expect(auth.actor.getSnapshot().context.session!.accessClaims.device_key).toBe(confirm.DeviceKey);
  });

  it('finds the device by an alias too: signed in by username, then by email', async () => {
    const pool = await trackingPool({ mode: 'always' });
    const auth = start(pool, memoryStorage());
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.signOut();
    await auth.signIn({ username: 'alice@example.com', password: PASSWORD });
    const deviceKey = (pool.callsOf('ConfirmDevice')[0]!.input as { DeviceKey: string }).DeviceKey;
    expect(pool.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthParameters: { USERNAME: 'alice@example.com', DEVICE_KEY: deviceKey } });
    expect(challengesAnswered(pool).slice(-2)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('skips MFA on the remembered device, where the pool says so', async () => {
    const pool = await trackingPool({ mode: 'always', mfa: 'SOFTWARE_TOKEN_MFA', skipMfaOnRememberedDevice: true });
    const auth = start(pool, memoryStorage());
    const step = await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(step).toBe('mfaCode');
    await auth.submitMfaCode(MFA_CODE);
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    await auth.signOut();

    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(challengesAnswered(pool).slice(-3)).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('names the device in the MFA answer too, so the code does not make it a new device', async () => {
    const pool = await trackingPool({ mode: 'always', mfa: 'SMS_MFA' });
    const auth = start(pool, memoryStorage());
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.submitMfaCode(MFA_CODE);
    const deviceKey = (pool.callsOf('ConfirmDevice')[0]!.input as { DeviceKey: string }).DeviceKey;
    await auth.signOut();

    expect(await auth.signIn({ username: 'alice', password: PASSWORD })).toBe('mfaCode');
    await auth.submitMfaCode(MFA_CODE);
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    const answers = pool.callsOf('RespondToAuthChallenge').map((call) => call.input as { ChallengeName: string; ChallengeResponses: Record<string, string> });
    expect(answers.filter((answer) => answer.ChallengeName === 'SMS_MFA').at(-1)!.ChallengeResponses).toMatchObject({ DEVICE_KEY: deviceKey });
    expect(challengesAnswered(pool).slice(-2)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(1);
  });

  it('a device forgotten from another browser: the sign-in goes on as a new device', async () => {
    const pool = await trackingPool({ mode: 'always' });
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const first = (pool.callsOf('ConfirmDevice')[0]!.input as { DeviceKey: string }).DeviceKey;
    // "Forget" pressed on another device of Alice's, with her access token there.
    await pool.call('ForgetDevice', { AccessToken: auth.actor.getSnapshot().context.session!.tokens.accessToken, DeviceKey: first });
    await auth.signOut();

    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    const second = (pool.callsOf('ConfirmDevice')[1]!.input as { DeviceKey: string }).DeviceKey;
    expect(second).not.toBe(first);
    // The next sign-in names the new device.
    await auth.signOut();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(pool.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthParameters: { DEVICE_KEY: second } });
  });

  it("never names one user's device in another's sign-in on the same browser", async () => {
    const pool = await trackingPool({ mode: 'always' });
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    await auth.signOut();
    await auth.signIn({ username: 'bob', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    const bobsSignIn = pool.callsOf('InitiateAuth').at(-1)!.input as { AuthParameters: Record<string, string> };
    expect(bobsSignIn.AuthParameters).not.toHaveProperty('DEVICE_KEY');
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(2);
  });

  it("a name that now belongs to another user costs the first user nothing: their device still proves itself", async () => {
    const verifier = new SrpVerifier(TEST_POOL.userPoolId);
    await verifier.register([ALICE, 'alice@example.com'], PASSWORD, ALICE);
    const pool = deviceTrackingCognito(verifier, { mode: 'always' });
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice@example.com', password: PASSWORD });
    const alices = (pool.callsOf('ConfirmDevice')[0]!.input as { DeviceKey: string }).DeviceKey;
    await auth.signOut();

    // Alice's email moves to Bob (she changed hers; he took it).
    await verifier.register(['alice@example.com', BOB], PASSWORD, BOB);
    await auth.signIn({ username: 'alice@example.com', password: PASSWORD });
    expect(auth.actor.getSnapshot().context.session!.idClaims.sub).toBe(BOB);
    // Alice's key went once, was refused, and Bob signed in as a new device; the email leads to
    // Alice's device no more.
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(2);
    expect(readDeviceFor(storage, storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId), 'alice@example.com')).toBeNull();
    await auth.signOut();

    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(pool.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthParameters: { DEVICE_KEY: alices } });
    expect(challengesAnswered(pool).slice(-2)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it("the user's deletion forgets the device kept for them", async () => {
    const pool = await trackingPool({ mode: 'always' });
    pool.on('DeleteUser', () => ({}));
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const record = `authchart:${TEST_POOL.userPoolId}:${TEST_POOL.clientId}:device:${ALICE}`;
    expect(storage.getItem(record)).not.toBeNull();
    await createAccountData(auth).deleteUser();
    await waitFor(auth.actor, (snapshot) => snapshot.matches('signedOut'));
    expect(auth.actor.getSnapshot().context.endReason).toBe('deleted');
    expect(storage.getItem(record)).toBeNull();
  });

  it('the device password stays out of the actor: context, snapshots and inspection see none', async () => {
    const pool = await trackingPool({ mode: 'always' });
    const storage = memoryStorage();
    const inspected: unknown[] = [];
    const auth = start(pool, storage);
    auth.actor.system.inspect((event) => inspected.push(event));
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const key = `authchart:${TEST_POOL.userPoolId}:${TEST_POOL.clientId}:device:`;
    const sub = auth.actor.getSnapshot().context.session!.idClaims.sub;
    const devicePassword = (JSON.parse(storage.getItem(`${key}${sub}`)!) as { devicePassword: string }).devicePassword;
    expect(devicePassword).toMatch(/^[A-Za-z0-9+/]{52,}=*$/);
    expect(JSON.stringify(auth.actor.getSnapshot())).not.toContain(devicePassword);
    expect(JSON.stringify(inspected)).not.toContain(devicePassword);
  });
});

describe('a pool where users opt in ("userOptIn")', () => {
  it('tracks the device; once the user remembers it, the next sign-in proves it', async () => {
    const pool = await trackingPool({ mode: 'userOptIn' });
    const auth = start(pool, memoryStorage());
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const devices = createDevices(auth);
    const [listed] = await devices.listDevices();
    expect(listed).toMatchObject({ name: 'Test browser', remembered: false, current: true });

    // Tracked, not remembered: the next sign-in names it, and Cognito asks no proof.
    await auth.signOut();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(challengesAnswered(pool)).toEqual(['PASSWORD_VERIFIER', 'PASSWORD_VERIFIER']);

    await devices.rememberDevice();
    expect((await devices.listDevices())[0]).toMatchObject({ remembered: true, current: true });
    await auth.signOut();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(challengesAnswered(pool).slice(-2)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
  });

  it('forgetting this browser ends its remembering here and at the pool, and its session', async () => {
    const pool = await trackingPool({ mode: 'userOptIn' });
    const storage = memoryStorage();
    const auth = start(pool, storage);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    const devices = createDevices(auth);
    await devices.rememberDevice();
    await devices.forgetDevice();
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    await auth.signIn({ username: 'alice', password: PASSWORD });
    // No key sent any more: a new device.
    expect(pool.callsOf('InitiateAuth').at(-1)!.input).not.toMatchObject({ AuthParameters: { DEVICE_KEY: expect.anything() } });
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(2);
  });
});

describe('the worker tier keeps device secrets in its vault', () => {
  it('confirms and proves the device inside the worker: the page never holds its password', async () => {
    const pool = await trackingPool({ mode: 'always' });
    const { port1, port2 } = new MessageChannel();
    let ids = 0;
    serveVault(port2 as never, () => pool, () => `id-${++ids}`);
    port1.start();
    port2.start();
    const tier = vaultTier(port1 as never, () => (port1.close(), port2.close()));
    const auth = start(pool, tier);
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(pool.callsOf('ConfirmDevice')).toHaveLength(1);
    // The app's rememberedDevices({ deviceName }) holds in the worker too.
    expect(pool.callsOf('ConfirmDevice')[0]!.input).toMatchObject({ DeviceName: 'Test browser' });
    const pageStorage = auth.actor.getSnapshot().context.ports.storage as TokenStorage & { dump?: () => unknown };
    expect(pageStorage.getItem(`authchart:${TEST_POOL.userPoolId}:${TEST_POOL.clientId}:device:${ALICE}`)).toBeNull();

    await auth.signOut();
    await auth.signIn({ username: 'alice', password: PASSWORD });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(challengesAnswered(pool).slice(-2)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    // The proof's tokens came through the vault too: the page has a handle for the refresh token.
    expect(auth.actor.getSnapshot().context.session!.tokens.refreshToken).toMatch(/^vault:/);
  });
});

describe("a device's proof refused", () => {
  const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
  const device = { sub: ALICE, deviceKey: 'us-east-1_dev1', deviceGroupKey: '-g1', devicePassword: 'device-password' };
  const challenge = { name: 'DEVICE_SRP_AUTH', kind: 'device', challengeSession: 'session', username: ALICE, parameters: {}, totpSetup: null, firstFactor: null } as const;

  /** The device kept here for Alice, and a pool that answers its proof with `answer`. */
  function proving(answer: (input: { ChallengeName: string }) => unknown) {
    const storage = memoryStorage();
    storeDevice(storage, config.storageKey, device, [ALICE]);
    const signals: (AbortSignal | undefined)[] = [];
    const transport = new FakeCognito().on('RespondToAuthChallenge', (input, signal) => {
      signals.push(signal);
      return answer(input) as never;
    });
    return { ports: { transport, storage, clock: { now: () => Date.now() } }, transport, signals, storage };
  }

  it.each([
    ['ResourceNotFoundException', 'forgotten elsewhere: deviceForgotten, and forgotten here', 'deviceForgotten', null],
    ['NotAuthorizedException', "the sign-in's (its session ran out, the user is disabled): the device is kept", 'invalidCredentials', device],
  ] as const)('%s: %s', async (cognitoName, _, code, kept) => {
    const { ports, storage } = proving(() => {
      throw new AuthError(code === 'deviceForgotten' ? 'invalidRequest' : code, 'refused', { cognitoName });
    });
    const error = await rememberedDevices().prove({ config, ports, challenge }, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect(readDeviceOf(storage, config.storageKey, ALICE)).toEqual(kept);
    // deviceForgotten says what to do, and keeps Cognito's answer as its cause.
    if (code === 'deviceForgotten') {
      expect(error).toMatchObject({ message: 'This device is no longer remembered for the account; please sign in again.', cause: { cognitoName } });
    }
  });

  it('no device kept here for the name: deviceForgotten, and nothing is sent', async () => {
    const { ports, transport, storage } = proving(() => ({}));
    forgetDeviceOf(storage, config.storageKey, ALICE);
    await expect(rememberedDevices().prove({ config, ports, challenge }, new AbortController().signal)).rejects.toMatchObject({ code: 'deviceForgotten' });
    expect(transport.calls).toEqual([]);
  });

  it.each([
    ['no next challenge', {}],
    ['tokens instead of the proof asked for', { AuthenticationResult: { AccessToken: 'a' } }],
    ['DEVICE_PASSWORD_VERIFIER without a session', { ChallengeName: 'DEVICE_PASSWORD_VERIFIER' }],
  ])('the pool answers the device key with %s: invalidResponse, and the device is kept', async (_, answer) => {
    const { ports, storage } = proving(() => answer);
    await expect(rememberedDevices().prove({ config, ports, challenge }, new AbortController().signal)).rejects.toMatchObject({
      code: 'invalidResponse',
      message: 'The user pool did not ask the device for its proof.',
    });
    expect(readDeviceOf(storage, config.storageKey, ALICE)).toEqual(device);
  });

  it("both of the proof's requests can be cut short by the sign-in's signal", async () => {
    const { ports, signals } = proving((input) =>
      input.ChallengeName === 'DEVICE_SRP_AUTH'
        ? { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: 's2', ChallengeParameters: { SRP_B: 'ab', SALT: 'cd', SECRET_BLOCK: 'ZGV2aWNl' } }
        : {},
    );
    const controller = new AbortController();
    await rememberedDevices().prove({ config, ports, challenge }, controller.signal).catch(() => undefined);
    expect(signals).toEqual([controller.signal, controller.signal]);
  });

  it('forgetting a device not kept here, or a name that leads nowhere, changes nothing and does not fail', async () => {
    const storage = memoryStorage();
    const ports = { transport: new FakeCognito(), storage, clock: { now: () => Date.now() } };
    await expect(rememberedDevices().forget({ config, ports, sub: ALICE, deviceKey: 'us-east-1_none' })).resolves.toBeUndefined();
    await expect(rememberedDevices().forgetName({ config, ports, username: ALICE, deviceKey: 'us-east-1_none' })).resolves.toBeUndefined();
    storeDevice(storage, config.storageKey, device, [ALICE]);
    await rememberedDevices().forgetName({ config, ports, username: ALICE, deviceKey: device.deviceKey });
    expect(readDeviceOf(storage, config.storageKey, ALICE)).toEqual(device);
    expect(rememberedDevices().deviceKeyFor({ config, ports, username: ALICE })).toBeNull();
  });
});
