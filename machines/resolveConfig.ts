import { AuthError } from './AuthError.js';
import { SIGN_IN_FLOWS, type RefreshApi, type ResolvedAuthConfig, type SignInFlow } from './ResolvedAuthConfig.js';
import { storageKey } from './storage/storedSession.js';

export interface AuthConfigInput {
  /** `<region>_<id>`, e.g. `eu-west-1_AbC123xyZ`. */
  userPoolId: string;
  /** An app client without a secret (browsers cannot keep one). */
  clientId: string;
  /** Defaults to the pool id's prefix; must agree with it when given. */
  region?: string;
  /** Overrides the Cognito endpoint, e.g. cognito-local's `http://127.0.0.1:9229`. */
  endpoint?: string;
  /** Expected `iss`; defaults to Cognito's (or `<endpoint>/<userPoolId>` with an endpoint). */
  issuer?: string;
  /** Refresh this long before expiry (clamped to half the token lifetime). Default 60. */
  refreshLeadSeconds?: number;
  /**
   * How long a sign-in challenge (new password, MFA code) may wait. Default 180, Cognito's default
   * session lifetime; set it to the app client's `AuthSessionValidity` if you changed that.
   */
  challengeTimeoutSeconds?: number;
  /** The name authenticator apps show for TOTP codes. Default `authchart`. */
  totpIssuer?: string;
  /** See `ResolvedAuthConfig.refreshApi`. Default `auto`. */
  refreshApi?: RefreshApi;
  /** See `ResolvedAuthConfig.authFlow`. Default `USER_SRP_AUTH`, as Amplify. */
  authFlow?: SignInFlow;
  /** Sign out after this many minutes without activity in any tab. Default: off. At most a day. */
  idleTimeoutMinutes?: number;
  /** The "still there?" warning before an idle sign-out, in seconds. Default 60. */
  idleWarningSeconds?: number;
  /** Sign out this many hours after the user authenticated. Default: off. At most 24 days. */
  maxSessionAgeHours?: number;
  /** Refresh attempts allowed per minute (a guard against refresh storms). Default 4. */
  maxRefreshesPerMinute?: number;
  /**
   * Every Cognito request gives up after this long (the default transport). Default 10, at most
   * 120. The cross-tab refresh lock is taken from a tab that has held it twice this plus 5 s (a
   * refresh may fall back to a second request): with your own `transport`, give its timeout here.
   */
  requestTimeoutSeconds?: number;
}

/** A live lock holder's refresh requests end (or time out) this long before the lock can be taken. */
const LOCK_MARGIN_MS = 5_000;
/**
 * A tab that let go of the lock after announcing a refresh has posted its outcome already; it
 * arrives in milliseconds. Waiting longer only matters when that tab died mid-refresh.
 */
const OTHER_TAB_NEWS_WAIT_MS = 2_000;

const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

/** Validates configuration once, at creation, so mistakes fail loudly before any sign-in. */
export function resolveConfig(input: AuthConfigInput): ResolvedAuthConfig {
  if (typeof input !== 'object' || input === null) throw invalidConfig('createAuth needs a configuration object.');
  const { userPoolId, clientId } = input;
  if (typeof userPoolId !== 'string' || userPoolId === '') throw invalidConfig('userPoolId is required.');
  const poolRegion = POOL_ID.exec(userPoolId)?.[1];
  if (!poolRegion) throw invalidConfig(`userPoolId "${userPoolId}" is not of the form <region>_<id>, e.g. eu-west-1_AbC123xyZ.`);
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) throw invalidConfig('clientId is required: the app client id.');
  const region = input.region ?? poolRegion;
  if (region !== poolRegion) throw invalidConfig(`region "${region}" does not match the user pool's region "${poolRegion}".`);
  const refreshLeadSeconds = input.refreshLeadSeconds ?? 60;
  if (!Number.isFinite(refreshLeadSeconds) || refreshLeadSeconds < 0) {
    throw invalidConfig('refreshLeadSeconds must be a number of seconds, 0 or more.');
  }
  if (input.endpoint !== undefined && !isHttpUrl(input.endpoint)) throw invalidConfig('endpoint must be an http(s) URL.');
  if (input.issuer !== undefined && !isHttpUrl(input.issuer)) throw invalidConfig('issuer must be an http(s) URL.');
  if (input.totpIssuer !== undefined && (typeof input.totpIssuer !== 'string' || input.totpIssuer.trim() === '')) {
    throw invalidConfig('totpIssuer must be a non-empty name.');
  }
  // At most a day: Cognito's challenge sessions last 3 to 15 minutes, and timers must stay below setTimeout's limit.
  const challengeTimeoutSeconds = optionalRange(input.challengeTimeoutSeconds, 'challengeTimeoutSeconds', 0, 86_400) ?? 180;
  if (input.refreshApi !== undefined && !['auto', 'getTokensFromRefreshToken', 'initiateAuth'].includes(input.refreshApi)) {
    throw invalidConfig('refreshApi must be auto, getTokensFromRefreshToken or initiateAuth.');
  }
  if (input.authFlow !== undefined && !SIGN_IN_FLOWS.includes(input.authFlow)) {
    throw invalidConfig(`authFlow must be one of ${SIGN_IN_FLOWS.join(', ')}.`);
  }
  const idleTimeoutMinutes = optionalRange(input.idleTimeoutMinutes, 'idleTimeoutMinutes', 0, 24 * 60);
  const maxSessionAgeHours = optionalRange(input.maxSessionAgeHours, 'maxSessionAgeHours', 0, 24 * 24);
  const idleWarningSeconds = optionalRange(input.idleWarningSeconds, 'idleWarningSeconds', 0, 3600) ?? 60;
  const maxRefreshesPerMinute = optionalRange(input.maxRefreshesPerMinute, 'maxRefreshesPerMinute', 1, 60) ?? 4;
  // Whole milliseconds: AbortSignal.timeout refuses fractions.
  const requestTimeoutMs = Math.round((optionalRange(input.requestTimeoutSeconds, 'requestTimeoutSeconds', 0, 120) ?? 10) * 1000);
  return {
    userPoolId,
    clientId,
    region,
    endpoint: input.endpoint,
    issuer: input.issuer ?? defaultIssuer(region, userPoolId, input.endpoint),
    refreshLeadMs: refreshLeadSeconds * 1000,
    retryBaseDelayMs: 2_000,
    retryMaxDelayMs: 60_000,
    storageKey: storageKey(userPoolId, clientId),
    challengeTimeoutMs: challengeTimeoutSeconds * 1000,
    requestTimeoutMs,
    // A refresh may make two requests (`auto` falls back within one attempt), each with its timeout.
    lockTimeoutMs: 2 * requestTimeoutMs + LOCK_MARGIN_MS,
    otherTabNewsWaitMs: OTHER_TAB_NEWS_WAIT_MS,
    totpIssuer: input.totpIssuer ?? 'authchart',
    refreshApi: input.refreshApi ?? 'auto',
    authFlow: input.authFlow ?? 'USER_SRP_AUTH',
    idleTimeoutMs: idleTimeoutMinutes === undefined ? null : idleTimeoutMinutes * 60_000,
    idleWarningMs: idleWarningSeconds * 1000,
    maxSessionAgeMs: maxSessionAgeHours === undefined ? null : maxSessionAgeHours * 3_600_000,
    maxRefreshesPerMinute,
    refreshStormWindowMs: 60_000,
  };
}

/** Cognito's issuer, or the emulator's `<endpoint>/<poolId>` when an endpoint is configured. */
export function defaultIssuer(region: string, userPoolId: string, endpoint: string | undefined): string {
  if (endpoint === undefined) return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return `${endpoint.replace(/\/+$/, '')}/${userPoolId}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * An optional number within bounds. The bounds keep every timer below setTimeout's limit
 * (about 24.8 days), past which browsers fire at once.
 */
function optionalRange(value: number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= min || value > max) throw invalidConfig(`${name} must be more than ${min} and at most ${max}.`);
  return value;
}

function invalidConfig(message: string): AuthError {
  return new AuthError('invalidConfig', message);
}
