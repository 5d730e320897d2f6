import type { TotpSetup } from '../TotpSetup.js';

/**
 * What a challenge asks of the user, decided once where Cognito's answer is read
 * (`challengeKindOf`): the chart routes on it, selectors report it, forms pick by it. Adding a
 * challenge means a row in `KINDS` below and, for a new kind, one state in authenticatingState.
 */
export type ChallengeKind = 'newPassword' | 'mfaCode' | 'selectMfaType' | 'mfaSetup' | 'custom' | 'unsupported';

const KINDS = {
  NEW_PASSWORD_REQUIRED: 'newPassword',
  SMS_MFA: 'mfaCode',
  SOFTWARE_TOKEN_MFA: 'mfaCode',
  EMAIL_OTP: 'mfaCode',
  SELECT_MFA_TYPE: 'selectMfaType',
  MFA_SETUP: 'mfaSetup',
  // The pool's own Lambda triggers ask (custom auth); it may ask several times.
  CUSTOM_CHALLENGE: 'custom',
} as const satisfies Record<string, Exclude<ChallengeKind, 'unsupported'>>;

/** The challenges authchart answers; Cognito's names. */
export type ChallengeName = keyof typeof KINDS;

export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** The kind of a Cognito challenge name; `unsupported` for any authchart does not answer. */
export function challengeKindOf(name: string): ChallengeKind {
  return Object.hasOwn(KINDS, name) ? KINDS[name as ChallengeName] : 'unsupported';
}

export interface Challenge {
  /** Cognito's name, sent back with the answer (and shown when a step is unsupported). */
  name: string;
  kind: ChallengeKind;
  /** Cognito's one-use challenge session (a secret: redacted from inspection). */
  challengeSession: string;
  username: string;
  /** Cognito's ChallengeParameters, e.g. `CODE_DELIVERY_DESTINATION`, `MFAS_CAN_CHOOSE`, `requiredAttributes`. */
  parameters: Record<string, string>;
  /** MFA_SETUP: the TOTP secret to register, once associated. */
  totpSetup: TotpSetup | null;
}
