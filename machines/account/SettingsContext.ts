import type { AuthError } from '../AuthError.js';
import type { AuthMachineInput } from '../AuthContext.js';
import type { TotpSetup } from '../TotpSetup.js';
import type { MfaPreference } from './mfaPreferenceRequest.js';

/** What the last settings request achieved, for the app to say so. */
export type SettingsNotice = 'passwordChanged' | 'totpEnabled' | 'mfaPreferenceSaved';

/** The signed-in user a request acts for: a usable access token, and a name for authenticator apps. */
export interface SignedInUser {
  accessToken: string;
  /** `cognito:username`, else the email, else `sub`: the account label in the TOTP QR code. */
  accountName: string;
}

export interface SettingsInput extends AuthMachineInput {
  /** The auth's user right now, with tokens refreshed if due; rejects with `notSignedIn` when nobody is. */
  signedInUser: () => Promise<SignedInUser>;
}

export interface SettingsContext extends SettingsInput {
  /** A TOTP set-up waiting for its first code: the secret is a credential until verified. */
  totpSetup: TotpSetup | null;
  notice: SettingsNotice | null;
  /** The last failure, until the next request. */
  error: AuthError | null;
}

export type SettingsEvent =
  | { type: 'CHANGE_PASSWORD'; previousPassword: string; proposedPassword: string }
  /** Starts TOTP set-up: the secret arrives in `context.totpSetup`; a new one replaces any earlier. */
  | { type: 'SET_UP_TOTP' }
  /** The first code from the authenticator app; TOTP then becomes the preferred MFA. */
  | { type: 'VERIFY_TOTP'; code: string }
  /** Turns SMS, email and TOTP codes on or off, and names the preferred one (see MfaPreference). */
  | ({ type: 'SET_MFA_PREFERENCE' } & MfaPreference)
  /** Leaves a TOTP set-up, forgetting its secret. */
  | { type: 'CANCEL' }
  /** The auth's session ended or another user signed in: nothing of the last one is kept. */
  | { type: 'SESSION_ENDED' };
