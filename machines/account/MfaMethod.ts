import type { MfaType } from '../challenges/Challenge.js';

/** A second sign-in factor a user can turn on: codes by text message, by email, or from an authenticator app. */
export type MfaMethod = 'sms' | 'email' | 'totp';

/** Cognito's name of each (UserMFASettingList, PreferredMfaSetting, the challenge it asks). */
export const COGNITO_MFA_NAMES: Readonly<Record<MfaMethod, MfaType>> = {
  sms: 'SMS_MFA',
  email: 'EMAIL_OTP',
  totp: 'SOFTWARE_TOKEN_MFA',
};

/** The method Cognito calls `name`; null for a name it may add later (authchart offers none for it). */
export function mfaMethodOf(name: string | undefined): MfaMethod | null {
  const found = Object.entries(COGNITO_MFA_NAMES).find(([, cognitoName]) => cognitoName === name);
  return found ? (found[0] as MfaMethod) : null;
}
