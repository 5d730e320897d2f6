import { waitFor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, memoryStorage, type Auth, type AuthConfig, type TokenSet } from '../../../machines/index.js';
import type { DevicePort } from '../../../machines/devices/DevicePort.js';
import { choiceBasedSignIn } from '../../../machines/choice/index.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { serializeSession, storageKey } from '../../../machines/storage/storedSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeJwt, makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';
import { topState } from '../../support/topState.js';

// The core's part of remembered devices, with the `devices` port as a stand-in (its own maths and
// secrets are tested in deviceVectors and against the device-tracking pool in rememberedDevices):
// which requests carry the device key, and where the chart goes when a device is named, proven or
// refused.

const KEY = storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId);
const DEVICE_KEY = 'us-east-1_0f2c4a3e-1111-2222-3333-444455556666';

/** Tokens issued now; with `deviceKey`, the access token names the device, as Cognito's do. */
function tokensNow(serial = 0, deviceKey?: string, iatMs = Date.now()): TokenSet {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(iatMs / 1000), serial });
  if (!deviceKey) return tokens;
  const [, payload] = tokens.accessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  return { ...tokens, accessToken: makeJwt({ ...claims, device_key: deviceKey }) };
}

function answerWith(tokens: TokenSet, newDevice?: { DeviceKey: string; DeviceGroupKey: string }) {
  return {
    AuthenticationResult: {
      IdToken: tokens.idToken,
      AccessToken: tokens.accessToken,
      RefreshToken: tokens.refreshToken,
      ...(newDevice ? { NewDeviceMetadata: newDevice } : {}),
    },
  };
}

/** A `devices` port that records what the chart asks of it. */
function stubDevices(overrides: Partial<DevicePort> = {}) {
  const asked: string[] = [];
  const port: DevicePort = {
    deviceKeyFor: ({ username }) => {
      asked.push(`deviceKeyFor:${username}`);
      return null;
    },
    confirm: async ({ newDevice }) => {
      asked.push(`confirm:${newDevice.deviceKey}`);
    },
    prove: async () => {
      throw new Error('not expected');
    },
    forget: async () => {},
    forgetName: async () => {},
    ...overrides,
  };
  return { port, asked };
}

let auth: Auth | undefined;
afterEach(() => {
  auth?.stop();
  auth = undefined;
});

function start(cognito: FakeCognito, config: Partial<AuthConfig> = {}) {
  const storage = memoryStorage();
  auth = createAuth({
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    transport: cognito,
    storage,
    wake: null,
    ...config,
  });
  return { auth, storage };
}

describe('refreshes name the device the tokens were issued to', () => {
  it.each([
    ['getTokensFromRefreshToken', 'GetTokensFromRefreshToken', (input: unknown) => (input as { DeviceKey?: string }).DeviceKey],
    ['initiateAuth', 'InitiateAuth', (input: unknown) => (input as { AuthParameters: Record<string, string> }).AuthParameters['DEVICE_KEY']],
  ] as const)('%s: the access token’s device_key goes with the refresh token', async (refreshApi, operation, deviceKeyOf) => {
    const cognito = new FakeCognito();
    const old = Date.now() - 2 * 3600_000;
    const storage = memoryStorage();
    storage.setItem(KEY, serializeSession(createSession(tokensNow(0, DEVICE_KEY, old), TEST_POOL, old)));
    cognito.on(operation, () => answerWith(tokensNow(1, DEVICE_KEY)));
    ({ auth } = start(cognito, { storage, refreshApi }));
    await auth.getTokens();
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(deviceKeyOf(cognito.callsOf(operation)[0]!.input)).toBe(DEVICE_KEY);
  });

  it('tokens issued to no device refresh without a key', async () => {
    const cognito = new FakeCognito();
    const old = Date.now() - 2 * 3600_000;
    const storage = memoryStorage();
    storage.setItem(KEY, serializeSession(createSession(tokensNow(0, undefined, old), TEST_POOL, old)));
    cognito.on('GetTokensFromRefreshToken', () => answerWith(tokensNow(1)));
    ({ auth } = start(cognito, { storage, refreshApi: 'getTokensFromRefreshToken' }));
    await auth.getTokens();
    expect(cognito.callsOf('GetTokensFromRefreshToken')[0]!.input).not.toHaveProperty('DeviceKey');
  });
});

describe('a device named at sign-in', () => {
  it('is confirmed before the session starts, and the sign-in names the device remembered for the user', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => answerWith(tokensNow(0, DEVICE_KEY), { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }));
    const devices = stubDevices({
      deviceKeyFor: ({ username }) => {
        devices.asked.push(`deviceKeyFor:${username}`);
        return 'us-east-1_remembered';
      },
    });
    ({ auth } = start(cognito, { devices: devices.port }));
    await auth.signIn({ username: 'demo', password: 'pw' });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(devices.asked).toEqual(['deviceKeyFor:demo', `confirm:${DEVICE_KEY}`]);
    expect(cognito.callsOf('InitiateAuth')[0]!.input).toMatchObject({ AuthParameters: { USERNAME: 'demo', DEVICE_KEY: 'us-east-1_remembered' } });
    // Settled: nothing of it is left in the context.
    expect(auth.actor.getSnapshot().context.newDevice).toBeNull();
  });

  it('that cannot be confirmed still signs in, stored and usable, and says why', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => answerWith(tokensNow(0, DEVICE_KEY), { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }));
    const devices = stubDevices({
      confirm: async () => {
        throw new AuthError('network', 'offline');
      },
    });
    const { storage } = start(cognito, { devices: devices.port });
    const emitted: AuthError[] = [];
    auth!.actor.on('deviceNotRemembered', (event) => emitted.push(event.error));
    await auth!.signIn({ username: 'demo', password: 'pw' });
    expect(topState(auth!.actor.getSnapshot())).toBe('signedIn');
    expect(auth!.actor.getSnapshot().context.error).toBeNull();
    expect(storage.getItem(KEY)).not.toBeNull();
    expect(emitted.map((error) => error.code)).toEqual(['network']);
  });

  // The pool refreshes only a confirmed device's tokens: a failed confirmation would end the
  // session at its first refresh.
  it.each([
    ['confirms it before its first refresh', () => {}],
    ['its confirmation having reached the pool (DeviceKeyExists), refreshes all the same', () => {
      throw new AuthError('invalidRequest', 'Device key already exists.', { cognitoName: 'DeviceKeyExistsException' });
    }],
  ] as const)('that could not be confirmed at sign-in: %s', async (_, confirmAgain) => {
    const cognito = new FakeCognito().on('InitiateAuth', () => answerWith(tokensNow(0, DEVICE_KEY), { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }));
    const order: string[] = [];
    let attempts = 0;
    const devices = stubDevices({
      confirm: async () => {
        order.push('confirm');
        if (attempts++ === 0) throw new AuthError('network', 'offline');
        return confirmAgain();
      },
    });
    cognito.on('GetTokensFromRefreshToken', () => {
      order.push('refresh');
      return answerWith(tokensNow(1, DEVICE_KEY));
    });
    start(cognito, { devices: devices.port, refreshApi: 'getTokensFromRefreshToken' });
    await auth!.signIn({ username: 'demo', password: 'pw' });
    auth!.actor.send({ type: 'REFRESH' });
    await waitFor(auth!.actor, (snapshot) => snapshot.matches('signedIn') && snapshot.context.refreshCount === 1);
    expect(order).toEqual(['confirm', 'confirm', 'refresh']);
    expect(auth!.actor.getSnapshot().context.newDevice).toBeNull();
    // Confirmed once: the next refresh asks for tokens only.
    auth!.actor.send({ type: 'REFRESH' });
    await waitFor(auth!.actor, (snapshot) => snapshot.matches('signedIn') && snapshot.context.refreshCount === 2);
    expect(order).toEqual(['confirm', 'confirm', 'refresh', 'refresh']);
  });

  it('whose confirmation fails again at the first refresh: the refresh fails as any refresh does, and the device is asked again next time', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => answerWith(tokensNow(0, DEVICE_KEY), { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }));
    const devices = stubDevices({
      confirm: async () => {
        throw new AuthError('network', 'offline');
      },
    });
    start(cognito, { devices: devices.port, refreshApi: 'getTokensFromRefreshToken' });
    await auth!.signIn({ username: 'demo', password: 'pw' });
    auth!.actor.send({ type: 'REFRESH' });
    await waitFor(auth!.actor, (snapshot) => snapshot.context.error?.code === 'network');
    expect(cognito.callsOf('GetTokensFromRefreshToken')).toHaveLength(0);
    expect(auth!.actor.getSnapshot().context.newDevice).not.toBeNull();
  });

  describe('while it is being confirmed', () => {
    /** Signs in and stops at confirmingDevice: the confirmation waits until the test lets it go. */
    async function confirming() {
      const tokens = tokensNow(0, DEVICE_KEY);
      const cognito = new FakeCognito()
        .on('InitiateAuth', () => answerWith(tokens, { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }))
        .on('RevokeToken', () => ({}));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const devices = stubDevices({
        confirm: async () => {
          await held;
        },
      });
      const { storage } = start(cognito, { devices: devices.port });
      const signedIn = auth!.signIn({ username: 'demo', password: 'pw' });
      await waitFor(auth!.actor, (snapshot) => snapshot.matches({ authenticating: 'confirmingDevice' }));
      return { cognito, storage, tokens, signedIn, release };
    }

    it.each(['SIGN_OUT', 'CANCEL'] as const)('%s revokes the new tokens (never stored) and ends signed out', async (type) => {
      const { cognito, storage, tokens, signedIn, release } = await confirming();
      auth!.actor.send({ type });
      release();
      await signedIn.catch(() => {});
      await waitFor(auth!.actor, (snapshot) => snapshot.matches('signedOut'));
      expect(cognito.callsOf('RevokeToken').map((call) => (call.input as { Token: string }).Token)).toEqual([tokens.refreshToken]);
      expect(storage.getItem(KEY)).toBeNull();
      expect(auth!.actor.getSnapshot().context).toMatchObject({ session: null, newDevice: null, endReason: 'user' });
    });

    it("another tab's sign-out does not end this new session", async () => {
      const { signedIn, release } = await confirming();
      auth!.actor.send({ type: 'SIGNED_OUT_ELSEWHERE', reason: 'user' });
      release();
      await signedIn;
      expect(topState(auth!.actor.getSnapshot())).toBe('signedIn');
    });
  });

  it('without a devices port: signed in, and told how to remember devices', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => answerWith(tokensNow(0, DEVICE_KEY), { DeviceKey: DEVICE_KEY, DeviceGroupKey: '-group' }));
    start(cognito);
    const emitted: AuthError[] = [];
    auth!.actor.on('deviceNotRemembered', (event) => emitted.push(event.error));
    await auth!.signIn({ username: 'demo', password: 'pw' });
    expect(topState(auth!.actor.getSnapshot())).toBe('signedIn');
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ code: 'invalidConfig', message: expect.stringContaining('rememberedDevices()') });
    expect(cognito.callsOf('ConfirmDevice')).toEqual([]);
  });

  it('half a NewDeviceMetadata (no group key) is no device to confirm', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      AuthenticationResult: { ...answerWith(tokensNow(0)).AuthenticationResult, NewDeviceMetadata: { DeviceKey: DEVICE_KEY } },
    }));
    const devices = stubDevices();
    ({ auth } = start(cognito, { devices: devices.port }));
    await auth.signIn({ username: 'demo', password: 'pw' });
    expect(devices.asked).toEqual(['deviceKeyFor:demo']);
  });
});

describe('a remembered device asked to prove itself (DEVICE_SRP_AUTH)', () => {
  const deviceChallenge = { ChallengeName: 'DEVICE_SRP_AUTH' as const, Session: 'device-session', ChallengeParameters: { USERNAME: 'demo' } };

  it('proves itself with no input from the user, then the session starts', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => deviceChallenge);
    const devices = stubDevices({
      prove: async ({ challenge }) => {
        expect(challenge).toMatchObject({ name: 'DEVICE_SRP_AUTH', kind: 'device', username: 'demo' });
        return { session: createSession(tokensNow(0, DEVICE_KEY), TEST_POOL, Date.now()) };
      },
    });
    ({ auth } = start(cognito, { devices: devices.port }));
    await auth.signIn({ username: 'demo', password: 'pw' });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
  });

  it('a device the pool forgot fails the sign-in with deviceForgotten', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => deviceChallenge);
    const devices = stubDevices({
      prove: async () => {
        throw new AuthError('deviceForgotten', 'gone');
      },
    });
    ({ auth } = start(cognito, { devices: devices.port }));
    await expect(auth.signIn({ username: 'demo', password: 'pw' })).rejects.toMatchObject({ code: 'deviceForgotten' });
    expect(topState(auth.actor.getSnapshot())).toBe('signedOut');
    expect(auth.actor.getSnapshot().context.challenge).toBeNull();
  });

  it('without a devices port, the step is refused with a configuration error', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => deviceChallenge);
    ({ auth } = start(cognito));
    await expect(auth.signIn({ username: 'demo', password: 'pw' })).rejects.toMatchObject({ code: 'invalidConfig' });
    await waitFor(auth.actor, (snapshot) => snapshot.matches('signedOut'));
  });
});

describe('a device the pool no longer knows (forgotten from another browser)', () => {
  const unknownDevice = () => new AuthError('invalidConfig', 'Device does not exist.', { cognitoName: 'ResourceNotFoundException' });

  it.each([
    ['USER_PASSWORD_AUTH', {}],
    ['USER_AUTH', { authFlow: 'USER_AUTH', choice: choiceBasedSignIn() }],
  ] as [string, Partial<AuthConfig>][])('%s: the name stops leading to it and the sign-in is asked again without it', async (_, config) => {
    const cognito = new FakeCognito().on('InitiateAuth', (input) => {
      if (input.AuthParameters?.['DEVICE_KEY']) throw unknownDevice();
      return answerWith(tokensNow(0));
    });
    const forgotten: unknown[] = [];
    const devices = stubDevices({
      deviceKeyFor: () => 'us-east-1_stale',
      forget: async () => {
        throw new Error('the device is not forgotten: only the name that led to it');
      },
      forgetName: async ({ deviceKey, username }) => {
        forgotten.push({ deviceKey, username });
      },
    });
    ({ auth } = start(cognito, { devices: devices.port, ...config }));
    await auth.signIn({ username: 'demo', password: 'pw', ...(config.authFlow ? { preferredChallenge: 'PASSWORD' as const } : {}) });
    expect(topState(auth.actor.getSnapshot())).toBe('signedIn');
    expect(forgotten).toEqual([{ deviceKey: 'us-east-1_stale', username: 'demo' }]);
    const asked = cognito.callsOf('InitiateAuth').map((call) => (call.input as { AuthParameters: Record<string, string> }).AuthParameters['DEVICE_KEY']);
    expect(asked).toEqual(['us-east-1_stale', undefined]);
  });

  it('any other refusal is the sign-in’s, and the device is kept', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => {
      throw new AuthError('invalidCredentials', 'Incorrect username or password.', { cognitoName: 'NotAuthorizedException' });
    });
    const forgotten: unknown[] = [];
    const devices = stubDevices({
      deviceKeyFor: () => 'us-east-1_kept',
      forget: async (input) => void forgotten.push(input),
      forgetName: async (input) => void forgotten.push(input),
    });
    ({ auth } = start(cognito, { devices: devices.port }));
    await expect(auth.signIn({ username: 'demo', password: 'wrong' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    expect(forgotten).toEqual([]);
    expect(cognito.callsOf('InitiateAuth')).toHaveLength(1);
  });
});

describe('createAuth checks the devices option', () => {
  it('refuses something that is not a devices port', () => {
    expect(() =>
      createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', devices: {} as DevicePort }),
    ).toThrow(/rememberedDevices\(\)/);
  });
});
