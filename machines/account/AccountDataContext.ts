import type { AuthError } from '../AuthError.js';
import type { CodeDelivery } from './AccountContext.js';
import type { MfaMethod } from './MfaMethod.js';
import type { SettingsInput } from './SettingsContext.js';

/** The signed-in user as Cognito holds them (GetUser). Attribute values are personal data: show, never log. */
export interface AccountUser {
  username: string;
  /** Every attribute Cognito returns (`sub`, `email`, `email_verified`, custom ones…), name → value. */
  attributes: Record<string, string>;
  mfa: {
    /** The methods sign-in may ask for (UserMFASettingList). */
    enabled: MfaMethod[];
    /** The one it asks for first (PreferredMfaSetting); null when none is. */
    preferred: MfaMethod | null;
  };
}

/** Where Cognito sent the code that verifies a changed attribute (masked by Cognito). */
export interface AttributeCodeDelivery extends CodeDelivery {
  attributeName: string;
}

/** What the last request achieved, for the app to say so. */
export type AccountDataNotice = 'attributesUpdated' | 'verificationCodeSent' | 'attributeVerified' | 'attributesDeleted';

export interface AccountDataInput extends SettingsInput {
  /** DeleteUser succeeded: ends the auth's session here and in every tab (reason `deleted`). */
  userDeleted: () => void;
}

export interface AccountDataContext extends AccountDataInput {
  /** The user as the last GetUser found them; null until then, and after the session ends. */
  user: AccountUser | null;
  /** Attributes waiting for their code (one entry per attribute, the latest delivery). */
  codeDeliveries: AttributeCodeDelivery[];
  notice: AccountDataNotice | null;
  /** The last failure, until the next request. */
  error: AuthError | null;
}

export type AccountDataEvent =
  | { type: 'GET_USER' }
  /** Changes attributes; a changed email or phone number gets a code (see `codeDeliveries`). */
  | { type: 'UPDATE_USER_ATTRIBUTES'; attributes: Record<string, string> }
  /** Sends a new code for an attribute waiting to be verified. */
  | { type: 'SEND_VERIFICATION_CODE'; attributeName: string }
  | { type: 'VERIFY_USER_ATTRIBUTE'; attributeName: string; code: string }
  | { type: 'DELETE_USER_ATTRIBUTES'; attributeNames: string[] }
  /** Deletes the user for good; the auth's session then ends everywhere (reason `deleted`). */
  | { type: 'DELETE_USER' }
  /** The auth's session ended or another user signed in: nothing of the last one is kept. */
  | { type: 'SESSION_ENDED' };
