// A user pool that tracks devices, for what cognito-local lacks: a test fake whose operations are
// shaped as Cognito's API reference describes them (InitiateAuth, RespondToAuthChallenge,
// GetTokensFromRefreshToken, ConfirmDevice, UpdateDeviceStatus, ForgetDevice, ListDevices).
// Users prove their password with SRP against an SrpVerifier; a device proves its own with SRP
// against the verifier ConfirmDevice stored (realm: the device group key; identity: the device
// key). Where the reference is silent, the choice is said where it is made.
import { randomBytes, randomUUID } from 'node:crypto';
import { describeDevice } from '../../../dev/deviceTracking.js';
import { AuthError, type CognitoOperation } from '../../../machines/index.js';
import type { ChallengeNameType } from '../../../machines/cognito/cognitoWire.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { startSrp } from '../../../machines/srp/startSrp.js';
import { FakeCognito } from '../FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../fakeTokens.js';
import { SrpVerifier } from './srpVerifier.js';

export interface DeviceTrackingOptions {
  /** The pool's "remember devices": every confirmed device, or those the user remembers (UpdateDeviceStatus). */
  mode: 'always' | 'userOptIn';
  /** A remembered device proves itself instead of the MFA code (the pool's ChallengeRequiredOnNewDevice). */
  skipMfaOnRememberedDevice?: boolean;
  /** An MFA step after the password, answered with MFA_CODE. */
  mfa?: 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';
  /** Issuer of the tokens (with an emulator endpoint: `<endpoint>/<pool>`). */
  issuer?: string;
  /** The pool's clock, ms: token times, access-token expiry, device dates. */
  now?: () => number;
}

/** The one MFA code the fake accepts. */
export const MFA_CODE = '123456';

const TOKEN_LIFETIME_SECONDS = 3600;

interface Device {
  key: string;
  groupKey: string;
  userId: string;
  /** The device's verifier, from ConfirmDevice: until then it cannot sign in or refresh. */
  proof?: SrpVerifier;
  name?: string;
  remembered: boolean;
  created: number;
  modified: number;
  lastAuthenticated: number;
}

/** Who a token was issued to; every sign-in on this pool is on a device. */
interface Grant {
  userId: string;
  deviceKey: string;
}

type Step =
  | { challenge: 'PASSWORD_VERIFIER'; userId: string }
  | { challenge: 'MFA'; userId: string }
  | { challenge: 'DEVICE_SRP_AUTH'; userId: string; device: Device }
  | { challenge: 'DEVICE_PASSWORD_VERIFIER'; userId: string; device: Device; srpSession: string };

/** Cognito's error as this pool says it: its name and message, with the code authchart maps it to. */
function refusal(operation: CognitoOperation, flow: string | undefined, name: string, message: string): AuthError {
  const { code } = mapCognitoError(operation, flow, { name, message, status: 400 });
  return new AuthError(code, message, { operation, cognitoName: name, status: 400 });
}

const fromBase64 = (value: string | undefined) => (value ? BigInt(`0x${Buffer.from(value, 'base64').toString('hex') || '0'}`) : 0n);

/** A FakeCognito (every call recorded) for `verifier`'s users, on a pool that tracks devices. */
export function deviceTrackingCognito(verifier: SrpVerifier, options: DeviceTrackingOptions): FakeCognito {
  const now = options.now ?? Date.now;
  const devices = new Map<string, Device>();
  const refreshGrants = new Map<string, Grant>();
  const accessGrants = new Map<string, Grant & { expires: number }>();
  const steps = new Map<string, Step>();
  let serial = 0;

  const mint = (grant: Grant) => {
    const iatSeconds = Math.floor(now() / 1000);
    // The user's SRP id is their username here, and stands for their `sub` too.
    const set = makeTokenSet({
      iatSeconds,
      serial: ++serial,
      deviceKey: grant.deviceKey,
      sub: grant.userId,
      username: grant.userId,
      email: `${grant.userId}@example.com`,
      ...(options.issuer ? { issuer: options.issuer } : {}),
    });
    accessGrants.set(set.accessToken, { ...grant, expires: (iatSeconds + TOKEN_LIFETIME_SECONDS) * 1000 });
    return { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken, ExpiresIn: TOKEN_LIFETIME_SECONDS, TokenType: 'Bearer' };
  };

  /** Tokens for a sign-in: on a device it named, or on a new one Cognito tracks from now on. */
  const signedIn = (userId: string, device: Device | undefined) => {
    const at = now();
    const tracked = device ?? { key: `${TEST_POOL.region}_${randomUUID()}`, groupKey: groupKey(), userId, remembered: false, created: at, modified: at, lastAuthenticated: at };
    devices.set(tracked.key, tracked);
    const tokens = mint({ userId, deviceKey: tracked.key });
    refreshGrants.set(tokens.RefreshToken, { userId, deviceKey: tracked.key });
    return { AuthenticationResult: device ? tokens : { ...tokens, NewDeviceMetadata: { DeviceKey: tracked.key, DeviceGroupKey: tracked.groupKey } } };
  };

  /** A confirmed device of the user's; anything else is a device Cognito does not know. */
  const deviceOf = (key: string | undefined, userId: string, operation: CognitoOperation, flow?: string) => {
    const device = key === undefined ? undefined : devices.get(key);
    if (!device?.proof || device.userId !== userId) throw refusal(operation, flow, 'ResourceNotFoundException', 'Device does not exist.');
    return device;
  };

  const accessOf = (token: string | undefined, operation: CognitoOperation) => {
    const grant = accessGrants.get(token ?? '');
    if (!grant) throw refusal(operation, undefined, 'NotAuthorizedException', 'Invalid Access Token');
    if (grant.expires <= now()) throw refusal(operation, undefined, 'NotAuthorizedException', 'Access Token has expired');
    return grant;
  };

  const ask = (step: Step, parameters: Record<string, string>) => {
    const session = randomUUID();
    steps.set(session, step);
    const name: ChallengeNameType = step.challenge === 'MFA' ? options.mfa! : step.challenge;
    return { ChallengeName: name, Session: session, ChallengeParameters: parameters };
  };

  /**
   * After the password: the MFA code (unless a remembered device may stand in for it), then a
   * remembered device proves itself. A tracked device not remembered (user opt-in) signs in as
   * itself without a proof, and keeps its key.
   */
  const afterPassword = (userId: string, device: Device | undefined, mfaAnswered = false) => {
    const remembered = device?.remembered === true ? device : undefined;
    if (options.mfa && !mfaAnswered && !(remembered && options.skipMfaOnRememberedDevice)) {
      const delivery: Record<string, string> = options.mfa === 'SMS_MFA' ? { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0100' } : {};
      return ask({ challenge: 'MFA', userId }, delivery);
    }
    if (remembered) return ask({ challenge: 'DEVICE_SRP_AUTH', userId, device: remembered }, { USERNAME: userId });
    return signedIn(userId, device);
  };

  /** USER_PASSWORD_AUTH: the fake keeps verifiers, not passwords, so it runs SRP against itself. */
  const passwordOf = async (username: string, password: string) => {
    const secret = startSrp();
    const { session, parameters } = await verifier.begin(username, secret.A.toString(16));
    const responses = await passwordClaim({ realm: verifier.poolName, password, secret, parameters, username, now: now() });
    return verifier.verify(session, responses).catch(() => {
      throw refusal('InitiateAuth', 'USER_PASSWORD_AUTH', 'NotAuthorizedException', 'Incorrect username or password.');
    });
  };

  /**
   * Refused with Cognito's "Invalid Refresh Token": a token it never issued, a request without the
   * token's device key or naming another, and a device that was never confirmed (Cognito wants
   * ConfirmDevice first) or was forgotten since (ForgetDevice ends that device's sessions).
   */
  const refreshed = (operation: CognitoOperation, flow: string | undefined, token: string | undefined, deviceKey: string | undefined) => {
    const grant = refreshGrants.get(token ?? '');
    if (!grant || deviceKey !== grant.deviceKey || !devices.get(grant.deviceKey)?.proof) {
      throw refusal(operation, flow, 'NotAuthorizedException', 'Invalid Refresh Token');
    }
    // No rotation: the refresh token stays the one the client has.
    const { RefreshToken: _kept, ...tokens } = mint(grant);
    return { AuthenticationResult: tokens };
  };

  return new FakeCognito()
    .on('InitiateAuth', async (input) => {
      const parameters = input.AuthParameters ?? {};
      const flow = input.AuthFlow;
      if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') return refreshed('InitiateAuth', flow, parameters['REFRESH_TOKEN'], parameters['DEVICE_KEY']);
      if (flow === 'USER_PASSWORD_AUTH') {
        const userId = await passwordOf(parameters['USERNAME'] ?? '', parameters['PASSWORD'] ?? '');
        const deviceKey = parameters['DEVICE_KEY'];
        return afterPassword(userId, deviceKey === undefined ? undefined : deviceOf(deviceKey, userId, 'InitiateAuth', flow));
      }
      if (flow !== 'USER_SRP_AUTH') throw refusal('InitiateAuth', flow, 'InvalidParameterException', `${flow} flow not enabled for this client`);
      const { session, parameters: challenge } = await verifier.begin(parameters['USERNAME'] ?? '', parameters['SRP_A'] ?? '');
      steps.set(session, { challenge: 'PASSWORD_VERIFIER', userId: challenge['USER_ID_FOR_SRP']! });
      return { ChallengeName: 'PASSWORD_VERIFIER' as const, Session: session, ChallengeParameters: challenge };
    })
    .on('RespondToAuthChallenge', async (input) => {
      const responses = input.ChallengeResponses ?? {};
      const flow = input.ChallengeName;
      const session = input.Session ?? '';
      const step = steps.get(session);
      if (!step || (step.challenge === 'MFA' ? options.mfa : step.challenge) !== flow) {
        throw refusal('RespondToAuthChallenge', flow, 'NotAuthorizedException', 'Invalid session for the user.');
      }
      // Each answer names its device (DEVICE_KEY) or none, whatever an earlier step named:
      // Cognito tracks an answer without one as a new device (the bug Amplify fixed).
      const named = responses['DEVICE_KEY'];
      if (step.challenge === 'PASSWORD_VERIFIER') {
        // The device is looked up before the proof spends the session: the reference client
        // answers "Device does not exist" by forgetting its device and answering again without it.
        const device = named === undefined ? undefined : deviceOf(named, step.userId, 'RespondToAuthChallenge', flow);
        steps.delete(session);
        await verifier.verify(session, responses);
        return afterPassword(step.userId, device);
      }
      if (step.challenge === 'MFA') {
        // A wrong code may be tried again in the same session, as Cognito allows a few times.
        if (responses[`${options.mfa}_CODE`] !== MFA_CODE) throw refusal('RespondToAuthChallenge', flow, 'CodeMismatchException', 'Invalid code received for user');
        const device = named === undefined ? undefined : deviceOf(named, step.userId, 'RespondToAuthChallenge', flow);
        steps.delete(session);
        return afterPassword(step.userId, device, true);
      }
      if (step.challenge === 'DEVICE_SRP_AUTH') {
        const device = deviceOf(named, step.userId, 'RespondToAuthChallenge', flow);
        if (!responses['USERNAME'] || !responses['SRP_A']) {
          throw refusal('RespondToAuthChallenge', flow, 'InvalidParameterException', 'Missing required parameter USERNAME or SRP_A');
        }
        steps.delete(session);
        const { session: srpSession, parameters } = await device.proof!.begin(device.key, responses['SRP_A']);
        const { SRP_B, SALT, SECRET_BLOCK } = parameters as Record<'SRP_B' | 'SALT' | 'SECRET_BLOCK', string>;
        return ask({ challenge: 'DEVICE_PASSWORD_VERIFIER', userId: step.userId, device, srpSession }, { SRP_B, SALT, SECRET_BLOCK, USERNAME: step.userId, DEVICE_KEY: device.key });
      }
      steps.delete(session);
      const device = deviceOf(step.device.key, step.userId, 'RespondToAuthChallenge', flow);
      // The claim names the user and the device; SRP's identity is the device key.
      if (responses['USERNAME'] !== step.userId || responses['DEVICE_KEY'] !== device.key) {
        throw refusal('RespondToAuthChallenge', flow, 'NotAuthorizedException', 'Incorrect username or password.');
      }
      await device.proof!.verify(step.srpSession, { ...responses, USERNAME: device.key });
      device.lastAuthenticated = now();
      return signedIn(step.userId, device);
    })
    .on('GetTokensFromRefreshToken', (input) => refreshed('GetTokensFromRefreshToken', undefined, input.RefreshToken, input.DeviceKey))
    .on('ConfirmDevice', (input) => {
      const grant = accessOf(input.AccessToken, 'ConfirmDevice');
      const device = devices.get(input.DeviceKey);
      if (!device || device.userId !== grant.userId) throw refusal('ConfirmDevice', undefined, 'ResourceNotFoundException', 'Device does not exist.');
      if (device.proof) throw refusal('ConfirmDevice', undefined, 'DeviceKeyExistsException', 'Device key already exists.');
      // Only the session signed in on the device confirms it (its access token's device_key).
      if (grant.deviceKey !== device.key) throw refusal('ConfirmDevice', undefined, 'NotAuthorizedException', 'Access Token does not belong to this device.');
      const salt = fromBase64(input.DeviceSecretVerifierConfig?.Salt);
      const passwordVerifier = fromBase64(input.DeviceSecretVerifierConfig?.PasswordVerifier);
      if (!salt || !passwordVerifier) throw refusal('ConfirmDevice', undefined, 'InvalidParameterException', 'DeviceSecretVerifierConfig is required.');
      // The group key stands where a pool id's name does: SrpVerifier takes its realm after the `_`.
      device.proof = new SrpVerifier(`${TEST_POOL.region}_${device.groupKey}`, now);
      device.proof.enrol([device.key], device.key, salt, passwordVerifier);
      if (input.DeviceName !== undefined) device.name = input.DeviceName;
      device.remembered = options.mode === 'always';
      device.modified = now();
      return { UserConfirmationNecessary: options.mode === 'userOptIn' };
    })
    .on('UpdateDeviceStatus', (input) => {
      const device = deviceOf(input.DeviceKey, accessOf(input.AccessToken, 'UpdateDeviceStatus').userId, 'UpdateDeviceStatus');
      if (input.DeviceRememberedStatus !== undefined) device.remembered = input.DeviceRememberedStatus === 'remembered';
      device.modified = now();
      return {};
    })
    .on('ForgetDevice', (input) => {
      const device = deviceOf(input.DeviceKey, accessOf(input.AccessToken, 'ForgetDevice').userId, 'ForgetDevice');
      devices.delete(device.key);
      return {};
    })
    .on('ListDevices', (input) => {
      const { userId } = accessOf(input.AccessToken, 'ListDevices');
      const mine = [...devices.values()].filter((device) => device.userId === userId && device.proof);
      const start = Number(input.PaginationToken ?? 0);
      const page = mine.slice(start, start + Math.min(input.Limit ?? 60, 60));
      const next = start + page.length;
      return { Devices: page.map(describeDevice), ...(next < mine.length ? { PaginationToken: String(next) } : {}) };
    });
}

/** Cognito's group keys look like `-` and a few letters and digits (never `_`, see ConfirmDevice). */
function groupKey(): string {
  return `-${randomBytes(12).toString('base64').replace(/[^0-9A-Za-z]/g, '').slice(0, 9)}`;
}
