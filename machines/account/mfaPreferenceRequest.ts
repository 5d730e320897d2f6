import { AuthError } from '../AuthError.js';
import type { SetUserMFAPreferenceRequest, SoftwareTokenMfaSettingsType } from '../cognito/cognitoWire.js';
import type { MfaMethod } from './MfaMethod.js';

/**
 * What to change of the user's MFA: each method given is turned on or off, the others are left
 * as they are. `preferred` is the one sign-in asks for first; it is on by being preferred.
 * Without it, a single method turned on becomes the preferred one (as verifying TOTP does).
 */
export interface MfaPreference {
  sms?: boolean;
  email?: boolean;
  totp?: boolean;
  preferred?: MfaMethod;
}

const METHODS: readonly MfaMethod[] = ['sms', 'email', 'totp'];

/** The member of SetUserMFAPreference that sets each method. */
const WIRE_KEYS = {
  sms: 'SMSMfaSettings',
  email: 'EmailMfaSettings',
  totp: 'SoftwareTokenMfaSettings',
} as const satisfies Record<MfaMethod, keyof SetUserMFAPreferenceRequest>;

/**
 * SetUserMFAPreference's settings for `preference`, checked first: no request for nothing to
 * change, a preferred method turned off, or two turned on with none preferred (Cognito would
 * pick neither, and sign-in would then ask the user to choose every time).
 */
export function mfaPreferenceRequest(preference: MfaPreference): Omit<SetUserMFAPreferenceRequest, 'AccessToken'> {
  const given = METHODS.filter((method) => preference[method] !== undefined);
  for (const method of given) {
    if (typeof preference[method] !== 'boolean') throw new AuthError('invalidRequest', `Turn ${method} codes on or off with true or false.`);
  }
  const { preferred } = preference;
  if (preferred !== undefined && !METHODS.includes(preferred)) {
    throw new AuthError('invalidRequest', 'The preferred method must be sms, email or totp.');
  }
  if (given.length === 0 && preferred === undefined) {
    throw new AuthError('invalidRequest', 'Choose which sign-in codes to turn on or off.');
  }
  if (preferred !== undefined && preference[preferred] === false) {
    throw new AuthError('invalidRequest', 'A method that is turned off cannot be the preferred one.');
  }
  const turnedOn = given.filter((method) => preference[method]);
  if (preferred === undefined && turnedOn.length > 1) {
    throw new AuthError('invalidRequest', 'Choose which of the methods turned on sign-in asks for first.');
  }
  const chosen = preferred ?? turnedOn[0];
  const settings: Omit<SetUserMFAPreferenceRequest, 'AccessToken'> = {};
  for (const method of METHODS) {
    if (preference[method] === undefined && method !== chosen) continue;
    const setting: SoftwareTokenMfaSettingsType = { Enabled: preference[method] ?? true, PreferredMfa: method === chosen };
    settings[WIRE_KEYS[method]] = setting;
  }
  return settings;
}
