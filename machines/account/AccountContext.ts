import type { AuthError } from '../AuthError.js';
import type { AuthPorts } from '../AuthPorts.js';
import type { Credentials } from '../AuthContext.js';
import type { ResolvedAuthConfig } from '../ResolvedAuthConfig.js';

/** Where Cognito sent the last code (masked by Cognito, e.g. `d***@e***`). */
export interface CodeDelivery {
  destination: string | undefined;
  medium: string | undefined;
}

/** What the last account step achieved, for the app to say so. */
export type AccountNotice = 'signUpCodeSent' | 'signUpConfirmed' | 'codeResent' | 'resetCodeSent' | 'passwordReset';

export interface AccountInput {
  config: ResolvedAuthConfig;
  ports: AuthPorts;
  /** Signs in with the password kept from sign-up (`autoSignIn`): the auth's own sign-in. */
  signIn: (credentials: Credentials) => Promise<unknown>;
}

export interface AccountContext extends AccountInput {
  /** The user of the sign-up or password reset in progress, to pre-fill the next form. */
  pendingUsername: string | null;
  codeDelivery: CodeDelivery | null;
  notice: AccountNotice | null;
  /** The last failure, until the next step. */
  error: AuthError | null;
  /** Credentials kept from sign-up until confirmation, to sign in right after (a secret). */
  autoSignIn: Credentials | null;
}

export type AccountEvent =
  | ({ type: 'SIGN_UP'; attributes?: Record<string, string>; autoSignIn?: boolean } & Credentials)
  | { type: 'CONFIRM_SIGN_UP'; username: string; code: string }
  | { type: 'RESEND_SIGN_UP_CODE'; username: string }
  | { type: 'FORGOT_PASSWORD'; username: string }
  | { type: 'CONFIRM_PASSWORD_RESET'; username: string; code: string; newPassword: string }
  /** Leaves a sign-up or reset in progress, and forgets the password kept for it. */
  | { type: 'CANCEL' };
