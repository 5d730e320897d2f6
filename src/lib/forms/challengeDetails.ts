import type { CodeDelivery } from '../../../machines/account/index.js';
import type { Challenge, FirstFactor, MfaType } from '../../../machines/index.js';

export const MFA_TYPE_LABELS: Readonly<Record<MfaType, string>> = {
  SOFTWARE_TOKEN_MFA: 'Authenticator app',
  SMS_MFA: 'Text message (SMS)',
  EMAIL_OTP: 'Email',
};

const MFA_TYPES = Object.keys(MFA_TYPE_LABELS) as MfaType[];

/** The ways in of choice-based sign-in, as a person would pick them. */
export const FIRST_FACTOR_LABELS: Readonly<Record<FirstFactor, string>> = {
  PASSWORD_SRP: 'My password',
  PASSWORD: 'My password',
  EMAIL_OTP: 'Email me a code',
  SMS_OTP: 'Text me a code',
  WEB_AUTHN: 'Use a passkey',
};

/**
 * The choices to show: one "password" choice when both password forms are offered (SRP, which
 * never sends the password, wins), in the order the machine gives them.
 */
export function firstFactorOptions(choices: readonly FirstFactor[]): FirstFactor[] {
  return choices.filter((choice) => !(choice === 'PASSWORD' && choices.includes('PASSWORD_SRP')));
}

/**
 * Cognito sends list parameters (`MFAS_CAN_CHOOSE`, `requiredAttributes`) as JSON arrays in a
 * string; read them leniently (a comma-separated list too), never throwing on odd input.
 */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed.filter((item): item is string => typeof item === 'string' && item !== '');
  } catch {
    // not JSON: fall through
  }
  return value
    .split(',')
    .map((item) => item.trim().replace(/^["[]+|["\]]+$/g, ''))
    .filter(Boolean);
}

/** The MFA methods a SELECT_MFA_TYPE challenge offers, in Cognito's order, known ones only. */
export function mfaChoices(parameters: Challenge['parameters']): MfaType[] {
  return parseList(parameters['MFAS_CAN_CHOOSE']).filter((name): name is MfaType => MFA_TYPES.includes(name as MfaType));
}

/**
 * The attributes a NEW_PASSWORD_REQUIRED challenge asks for, without Cognito's `userAttributes.`
 * prefix (the machine adds it back when answering).
 */
export function requiredAttributes(parameters: Challenge['parameters']): string[] {
  const names = parseList(parameters['requiredAttributes']).map((name) => name.replace(/^userAttributes\./, ''));
  return [...new Set(names)];
}

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  email: 'Email address',
  phone_number: 'Phone number',
  given_name: 'First name',
  family_name: 'Last name',
  preferred_username: 'Preferred username',
};

/** A label for a user-pool attribute: `given_name` → `First name`, `custom:team` → `Team`. */
export function attributeLabel(name: string): string {
  const known = ATTRIBUTE_LABELS[name];
  if (known) return known;
  const words = name.replace(/^custom:/, '').replace(/[_:.-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** The input type and autocomplete hint that suit an attribute. */
export function attributeInput(name: string): { type: 'email' | 'tel' | 'text'; autocomplete: string } {
  if (name === 'email') return { type: 'email', autocomplete: 'email' };
  if (name === 'phone_number') return { type: 'tel', autocomplete: 'tel' };
  if (name === 'given_name') return { type: 'text', autocomplete: 'given-name' };
  if (name === 'family_name') return { type: 'text', autocomplete: 'family-name' };
  if (name === 'name') return { type: 'text', autocomplete: 'name' };
  return { type: 'text', autocomplete: 'off' };
}

function medium(value: string | undefined): string {
  switch (value?.toUpperCase()) {
    case 'EMAIL':
      return 'by email';
    case 'SMS':
      return 'by text message';
    default:
      return '';
  }
}

/** `We sent a code by email to d***@e***.`, as precise as what Cognito told. */
export function codeSentText(delivery: CodeDelivery | null, what = 'a code'): string {
  const how = medium(delivery?.medium);
  const where = delivery?.destination ? `to ${delivery.destination}` : '';
  return `${['We sent', what, how, where].filter(Boolean).join(' ')}.`;
}

/** What an MFA-code challenge asks for, for the form's lead sentence. */
export function mfaCodePrompt(challenge: Pick<Challenge, 'name' | 'parameters'>): string {
  if (challenge.name === 'SOFTWARE_TOKEN_MFA') return 'Enter the 6-digit code from your authenticator app.';
  const delivery: CodeDelivery = {
    destination: challenge.parameters['CODE_DELIVERY_DESTINATION'],
    medium: challenge.parameters['CODE_DELIVERY_DELIVERY_MEDIUM'] ?? (challenge.name === 'EMAIL_OTP' ? 'EMAIL' : 'SMS'),
  };
  return `${codeSentText(delivery, 'a sign-in code')} Enter it below.`;
}

/** How many digits a challenge's code has: 6, or 6 to 8 for a one-time code by email or SMS (the pool sets it). */
export function mfaCodeDigits(name: string): { min: number; max: number } {
  return name === 'EMAIL_OTP' || name === 'SMS_OTP' ? { min: 6, max: 8 } : { min: 6, max: 6 };
}
