import type { TotpSetup } from '../TotpSetup.js';

/**
 * What a challenge asks of the user, decided once where Cognito's answer is read
 * (`challengeKindOf`): the chart routes on it, selectors report it, forms pick by it. Adding a
 * challenge means a row in `KINDS` below and, for a new kind, one state in authenticatingState.
 */
export type ChallengeKind =
  | 'newPassword'
  | 'mfaCode'
  | 'selectMfaType'
  | 'mfaSetup'
  | 'custom'
  | 'selectChallenge'
  | 'passkey'
  | 'device'
  | 'unsupported';

const KINDS = {
  NEW_PASSWORD_REQUIRED: 'newPassword',
  SMS_MFA: 'mfaCode',
  SOFTWARE_TOKEN_MFA: 'mfaCode',
  EMAIL_OTP: 'mfaCode',
  // Choice-based sign-in (USER_AUTH): a code by SMS as the first factor.
  SMS_OTP: 'mfaCode',
  SELECT_MFA_TYPE: 'selectMfaType',
  MFA_SETUP: 'mfaSetup',
  // The pool's own Lambda triggers ask (custom auth); it may ask several times.
  CUSTOM_CHALLENGE: 'custom',
  // Choice-based sign-in: which way in (AvailableChallenges), then a passkey for WEB_AUTHN.
  SELECT_CHALLENGE: 'selectChallenge',
  WEB_AUTHN: 'passkey',
  // A remembered device proves its secret (no user input): DEVICE_PASSWORD_VERIFIER follows at once.
  DEVICE_SRP_AUTH: 'device',
} as const satisfies Record<string, Exclude<ChallengeKind, 'unsupported'>>;

/** The challenges authchart answers; Cognito's names. */
export type ChallengeName = keyof typeof KINDS;

export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** The ways in that choice-based sign-in (USER_AUTH) offers and authchart can take; Cognito's names. */
export type FirstFactor = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

export const FIRST_FACTORS: readonly FirstFactor[] = ['PASSWORD_SRP', 'PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

/** The first factors that need the password with the choice. */
export function needsPassword(factor: FirstFactor): boolean {
  return factor === 'PASSWORD' || factor === 'PASSWORD_SRP';
}

/**
 * A step of choice-based sign-in before any factor is proven: the choice itself, or the code or
 * passkey chosen. Such a code can be sent again, and the user can go back to the choice.
 */
export interface FirstFactorStep {
  /** What the user may choose from (AvailableChallenges this browser can use); empty when the app asked for one directly. */
  choices: FirstFactor[];
}

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
  /** Choice-based sign-in, before the first factor is proven; null otherwise (MFA, custom auth…). */
  firstFactor: FirstFactorStep | null;
  /**
   * The remembered device this sign-in named at its start (DEVICE_KEY). Every answer names it
   * again: an answer without it signs in as a new device.
   */
  deviceKey?: string;
}
