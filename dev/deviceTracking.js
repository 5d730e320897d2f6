// @ts-check
// Cognito's device tracking for the dev world (cognito-local has none), in "user opt-in" mode: a
// fake, named so, whose JSON follows the API reference (API_InitiateAuth.html,
// API_RespondToAuthChallenge.html, API_ConfirmDevice.html, API_UpdateDeviceStatus.html,
// API_ForgetDevice.html, API_ListDevices.html, API_DeviceType.html). It wraps whoever answers the
// sign-in operations (the USER_AUTH pool, cognito-local): a sign-in without a known DEVICE_KEY
// gets a new device (NewDeviceMetadata), its tokens re-signed with the device's key in the access
// token's `device_key` claim; ConfirmDevice stores the device's SRP verifier; a remembered device
// proves itself (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER) before the tokens are handed over; a
// refresh must name the device its refresh token was issued to. Where the reference is silent, the
// choice is test/support/srp/deviceTrackingCognito.ts's (the core's test fake), said where made.
import { randomBytes, randomUUID } from 'node:crypto';
import { signJwt, verifiedClaims } from './signingKey.js';
import { startSrpExchange } from './srpServer.js';
import { UserAuthPoolError } from './userAuthPool.js';

/**
 * @typedef {object} DeviceTrackingOptions
 * @property {string} issuer  the access tokens' `iss`: `${endpoint}/${userPoolId}`
 * @property {string} userPoolId  its region names the device keys (`us-east-1_…`)
 * @property {Record<string, unknown>} signingKey  the key every token of the pool is signed with (cognito-local's)
 * @property {() => number} [now]  the clock, in ms
 */

/**
 * Who answers an operation without devices (the USER_AUTH pool, else cognito-local); rejects with
 * a UserAuthPoolError.
 * @typedef {(operation: string, input: Record<string, any>) => Promise<Record<string, any>>} Next
 */

/**
 * @typedef {object} Device
 * @property {string} key
 * @property {string} groupKey
 * @property {string} sub  whose device it is
 * @property {string} username
 * @property {{ salt: bigint, verifier: bigint }} [proof]  from ConfirmDevice: until then it cannot sign in or refresh
 * @property {string} [name]
 * @property {boolean} remembered
 * @property {number} created
 * @property {number} modified
 * @property {number} lastAuthenticated
 */

/**
 * A sign-in held back while its remembered device proves itself.
 * @typedef {object} Proof
 * @property {'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER'} challenge
 * @property {Device} device
 * @property {Record<string, any>} answer  the sign-in's answer, tokens and all
 * @property {number} expiresAt
 * @property {import('./srpServer.js').SrpExchange} [exchange]
 */

const SIGN_IN_OPERATIONS = ['InitiateAuth', 'RespondToAuthChallenge', 'GetTokensFromRefreshToken'];
const DEVICE_OPERATIONS = ['ConfirmDevice', 'UpdateDeviceStatus', 'ForgetDevice', 'ListDevices'];
const REFRESH_FLOWS = ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'];
const SESSION_PREFIX = 'deviceTracking.';
// Challenge sessions live 3 minutes by default (the API reference, Session).
const SESSION_MS = 3 * 60_000;
// ListDevices' Limit: at most 60 (API_ListDevices.html).
const MAX_LISTED = 60;

/** @param {string} name @param {string} message */
const fail = (name, message) => new UserAuthPoolError(name, message);
const unknownDevice = () => fail('ResourceNotFoundException', 'Device does not exist.');

/** @param {DeviceTrackingOptions} options */
export function createDeviceTracking(options) {
  const now = options.now ?? Date.now;
  const region = options.userPoolId.split('_')[0];
  /** @type {Map<string, Device>} */
  const devices = new Map();
  /** The device each refresh token was issued to. @type {Map<string, string>} */
  const refreshGrants = new Map();
  /** @type {Map<string, Proof>} */
  const proofs = new Map();

  /** The user's confirmed device, as a sign-in names it (by username or sub); else "Device does not exist". @param {unknown} key @param {unknown} username */
  function namedDevice(key, username) {
    const device = typeof key === 'string' ? devices.get(key) : undefined;
    if (!device?.proof || (device.username !== username && device.sub !== username)) throw unknownDevice();
    return device;
  }

  /** The claims of an access token of this pool, current. @param {unknown} token */
  function accessClaims(token) {
    const claims = typeof token === 'string' ? verifiedClaims(token, options.signingKey) : null;
    if (!claims || claims['token_use'] !== 'access' || claims['iss'] !== options.issuer) throw fail('NotAuthorizedException', 'Invalid Access Token');
    if (typeof claims['exp'] !== 'number' || claims['exp'] * 1000 <= now()) throw fail('NotAuthorizedException', 'Access Token has expired');
    return claims;
  }

  /** @param {unknown} key @param {Record<string, unknown>} claims */
  function deviceOf(key, claims) {
    const device = typeof key === 'string' ? devices.get(key) : undefined;
    if (!device?.proof || device.sub !== claims['sub']) throw unknownDevice();
    return device;
  }

  /** The access token again, naming the device (`device_key`); every other claim kept. @param {string} token @param {string} deviceKey */
  function withDeviceKey(token, deviceKey) {
    const claims = verifiedClaims(token, options.signingKey);
    if (!claims) throw fail('InternalErrorException', 'The access token is not signed with the pool key.');
    return signJwt({ ...claims, device_key: deviceKey }, options.signingKey);
  }

  /**
   * Whatever a sign-in step answered, with devices: tokens go to the device the step named (a
   * remembered one proves itself first), else to a new one. Each answer names its device or
   * none: one named at InitiateAuth and not in the MFA answer is a new device, as with Cognito.
   * @param {Record<string, any>} answer @param {string | undefined} deviceKey
   */
  function onDevice(answer, deviceKey) {
    const result = answer['AuthenticationResult'];
    if (!result?.RefreshToken) return answer;
    const claims = verifiedClaims(result.AccessToken, options.signingKey);
    if (!claims) throw fail('InternalErrorException', 'The access token is not signed with the pool key.');
    const named = deviceKey === undefined ? undefined : devices.get(deviceKey);
    const device = named?.proof && named.sub === claims['sub'] ? named : undefined;
    if (device?.remembered) {
      return ask({ challenge: 'DEVICE_SRP_AUTH', device, answer, expiresAt: now() + SESSION_MS }, { USERNAME: device.username });
    }
    return signedIn(answer, device ?? newDevice(claims));
  }

  /** @param {Record<string, unknown>} claims */
  function newDevice(claims) {
    const at = now();
    // Cognito's keys are `<region>_<uuid>`; group keys `-` and a few letters and digits.
    const groupKey = `-${randomBytes(12).toString('base64').replace(/[^0-9A-Za-z]/g, '').slice(0, 9)}`;
    /** @type {Device} */
    const device = { key: `${region}_${randomUUID()}`, groupKey, sub: String(claims['sub']), username: String(claims['username']), remembered: false, created: at, modified: at, lastAuthenticated: at };
    devices.set(device.key, device);
    return device;
  }

  /** The sign-in's tokens, issued to the device; NewDeviceMetadata when the device is new. @param {Record<string, any>} answer @param {Device} device */
  function signedIn(answer, device) {
    const result = answer['AuthenticationResult'];
    device.lastAuthenticated = now();
    refreshGrants.set(result.RefreshToken, device.key);
    const tokens = { ...result, AccessToken: withDeviceKey(result.AccessToken, device.key) };
    const newDeviceMetadata = device.proof ? {} : { NewDeviceMetadata: { DeviceKey: device.key, DeviceGroupKey: device.groupKey } };
    return { ...answer, AuthenticationResult: { ...tokens, ...newDeviceMetadata } };
  }

  /** A device challenge, with a one-use session of this module's own. @param {Proof} proof @param {Record<string, string>} parameters */
  function ask(proof, parameters) {
    const session = `${SESSION_PREFIX}${randomBytes(48).toString('base64url')}`;
    proofs.set(session, proof);
    return { ChallengeName: proof.challenge, Session: session, ChallengeParameters: parameters };
  }

  /** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER, checked against the verifier ConfirmDevice stored. @param {Record<string, any>} input */
  function proveDevice(input) {
    const session = input['Session'];
    const proof = proofs.get(session);
    if (!proof || proof.expiresAt <= now()) throw fail('NotAuthorizedException', 'Invalid session for the user.');
    if (input['ChallengeName'] !== proof.challenge) throw fail('InvalidParameterException', `This session waits for ${proof.challenge}, not ${input['ChallengeName']}.`);
    proofs.delete(session);
    const responses = input['ChallengeResponses'] ?? {};
    const device = namedDevice(responses['DEVICE_KEY'], responses['USERNAME']);
    if (device !== proof.device) throw unknownDevice();
    const { salt, verifier } = /** @type {NonNullable<Device['proof']>} */ (device.proof);
    if (proof.challenge === 'DEVICE_SRP_AUTH') {
      // The device's SRP: its group key for the pool name, its key for the user's id.
      const exchange = startSrpExchange({ realm: device.groupKey, userId: device.key, salt, verifier }, String(responses['SRP_A'] ?? ''));
      if (!exchange) throw fail('InvalidParameterException', 'Invalid SRP_A.');
      const next = { ...proof, challenge: /** @type {const} */ ('DEVICE_PASSWORD_VERIFIER'), exchange, expiresAt: now() + SESSION_MS };
      return ask(next, { ...exchange.parameters, USERNAME: device.username, DEVICE_KEY: device.key });
    }
    if (!proof.exchange?.verify(responses, now())) throw fail('NotAuthorizedException', 'Incorrect username or password.');
    return signedIn(proof.answer, device);
  }

  /**
   * REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken: a refresh token issued to a device refreshes
   * only with that device's key, while the device is confirmed and not forgotten (the core's fake
   * refuses the same way, "Invalid Refresh Token"). One issued elsewhere passes as it is.
   * @param {unknown} token @param {unknown} deviceKey @param {() => Promise<Record<string, any>>} next
   */
  async function refreshed(token, deviceKey, next) {
    const issuedTo = typeof token === 'string' ? refreshGrants.get(token) : undefined;
    if (issuedTo === undefined) return next();
    if (deviceKey !== issuedTo || !devices.get(issuedTo)?.proof) throw fail('NotAuthorizedException', 'Invalid Refresh Token');
    const answer = await next();
    const result = answer['AuthenticationResult'];
    return result?.AccessToken ? { ...answer, AuthenticationResult: { ...result, AccessToken: withDeviceKey(result.AccessToken, issuedTo) } } : answer;
  }

  /** @param {Record<string, any>} input */
  function confirmDevice(input) {
    const claims = accessClaims(input['AccessToken']);
    const device = devices.get(input['DeviceKey']);
    if (!device || device.sub !== claims['sub']) throw unknownDevice();
    if (device.proof) throw fail('DeviceKeyExistsException', 'Device key already exists.');
    // Only the session signed in on the device confirms it (its access token's device_key).
    if (claims['device_key'] !== device.key) throw fail('NotAuthorizedException', 'Access Token does not belong to this device.');
    const config = input['DeviceSecretVerifierConfig'] ?? {};
    const salt = fromBase64(config.Salt);
    const verifier = fromBase64(config.PasswordVerifier);
    if (!salt || !verifier) throw fail('InvalidParameterException', 'DeviceSecretVerifierConfig is required.');
    device.proof = { salt, verifier };
    if (typeof input['DeviceName'] === 'string') device.name = input['DeviceName'];
    device.modified = now();
    // User opt-in: tracked now, remembered when the user says so (UpdateDeviceStatus).
    return { UserConfirmationNecessary: true };
  }

  /** @param {Record<string, any>} input */
  function updateDeviceStatus(input) {
    const device = deviceOf(input['DeviceKey'], accessClaims(input['AccessToken']));
    const status = input['DeviceRememberedStatus'];
    if (status !== undefined && status !== 'remembered' && status !== 'not_remembered') throw fail('InvalidParameterException', 'DeviceRememberedStatus is remembered or not_remembered.');
    if (status !== undefined) device.remembered = status === 'remembered';
    device.modified = now();
    return {};
  }

  /** The device goes, and the sessions on it with it (their refresh is refused from now on). @param {Record<string, any>} input */
  function forgetDevice(input) {
    devices.delete(deviceOf(input['DeviceKey'], accessClaims(input['AccessToken'])).key);
    return {};
  }

  /** The user's confirmed devices, in pages; PaginationToken is the next offset, opaque. @param {Record<string, any>} input */
  function listDevices(input) {
    const claims = accessClaims(input['AccessToken']);
    const limit = input['Limit'] ?? MAX_LISTED;
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LISTED) throw fail('InvalidParameterException', `Limit must be between 0 and ${MAX_LISTED}.`);
    const start = input['PaginationToken'] === undefined ? 0 : Number(Buffer.from(String(input['PaginationToken']), 'base64url').toString());
    if (!Number.isInteger(start) || start < 0) throw fail('InvalidParameterException', 'Invalid PaginationToken.');
    const mine = [...devices.values()].filter((device) => device.proof && device.sub === claims['sub']);
    const next = start + (limit || MAX_LISTED);
    return { Devices: mine.slice(start, next).map(describeDevice), ...(next < mine.length ? { PaginationToken: Buffer.from(String(next)).toString('base64url') } : {}) };
  }

  /** @type {Record<string, (input: Record<string, any>) => Record<string, unknown>>} */
  const deviceOperations = { ConfirmDevice: confirmDevice, UpdateDeviceStatus: updateDeviceStatus, ForgetDevice: forgetDevice, ListDevices: listDevices };

  return {
    /** Whether an operation goes through device tracking: the sign-in ones and the device ones. @param {string} operation */
    answers(operation) {
      return SIGN_IN_OPERATIONS.includes(operation) || DEVICE_OPERATIONS.includes(operation);
    },

    /**
     * One operation's answer with devices, `next` answering what is not about devices.
     * @param {string} operation @param {Record<string, any>} input @param {Next} next
     * @returns {Promise<Record<string, unknown>>}
     */
    async call(operation, input, next) {
      const deviceOperation = deviceOperations[operation];
      if (deviceOperation) return deviceOperation(input);
      if (operation === 'GetTokensFromRefreshToken') return refreshed(input['RefreshToken'], input['DeviceKey'], () => next(operation, input));
      if (operation === 'InitiateAuth') {
        const parameters = input['AuthParameters'] ?? {};
        if (REFRESH_FLOWS.includes(input['AuthFlow'])) return refreshed(parameters['REFRESH_TOKEN'], parameters['DEVICE_KEY'], () => next(operation, input));
        // A device the pool does not know is refused before anything else (the reference client
        // then forgets it and signs in again without it, as a new device).
        if (parameters['DEVICE_KEY'] !== undefined) namedDevice(parameters['DEVICE_KEY'], parameters['USERNAME']);
        return onDevice(await next(operation, input), parameters['DEVICE_KEY']);
      }
      const session = input['Session'];
      if (typeof session === 'string' && session.startsWith(SESSION_PREFIX)) return proveDevice(input);
      const responses = input['ChallengeResponses'] ?? {};
      if (responses['DEVICE_KEY'] !== undefined) namedDevice(responses['DEVICE_KEY'], responses['USERNAME']);
      return onDevice(await next(operation, input), responses['DEVICE_KEY']);
    },
  };
}

/**
 * API_DeviceType.html: dates in seconds since the epoch, as the JSON protocol sends them. Also
 * the core's test fake's (test/support/srp/deviceTrackingCognito.ts).
 * @param {Pick<Device, 'key' | 'name' | 'remembered' | 'created' | 'modified' | 'lastAuthenticated'>} device
 */
export function describeDevice(device) {
  /** @type {Record<string, string>} */
  const attributes = {
    device_status: 'valid',
    'dev:device_remembered_status': device.remembered ? 'remembered' : 'not_remembered',
    last_ip_used: '127.0.0.1',
    ...(device.name === undefined ? {} : { device_name: device.name }),
  };
  return {
    DeviceKey: device.key,
    DeviceAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    DeviceCreateDate: device.created / 1000,
    DeviceLastModifiedDate: device.modified / 1000,
    DeviceLastAuthenticatedDate: device.lastAuthenticated / 1000,
  };
}

/** A base64 number (ConfirmDevice's Salt and PasswordVerifier); 0n when missing. @param {unknown} value */
function fromBase64(value) {
  const hex = typeof value === 'string' ? Buffer.from(value, 'base64').toString('hex') : '';
  return hex ? BigInt(`0x${hex}`) : 0n;
}
