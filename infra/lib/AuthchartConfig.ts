/**
 * What a deployment of the stack turns on, read from CDK context (`cdk.json`, or `-c key=value`
 * on the command line, where every value is a string). The README's "Using a real user pool"
 * section has the table of what each option changes in the pool and its app client.
 */
export interface AuthchartConfig {
  /** Names the stack (`Authchart-<stage>`) and its resources. */
  readonly stage: string;
  /** Managed-login callback URLs besides the hosted app's own `/sign-in` (local dev by default). */
  readonly callbackUrls: readonly string[];
  /** Sign-out URLs besides the hosted app's own `/`. */
  readonly signOutUrls: readonly string[];
  /** `ALLOW_USER_PASSWORD_AUTH`: authchart's `authFlow: 'USER_PASSWORD_AUTH'`. */
  readonly passwordAuth: boolean;
  /** `ALLOW_CUSTOM_AUTH`: `authFlow: 'CUSTOM_WITH_SRP' | 'CUSTOM_WITHOUT_SRP'` (triggers not included). */
  readonly customAuth: boolean;
  /** Choice-based sign-in: `ALLOW_USER_AUTH`, the Essentials tier. */
  readonly choiceBased: boolean;
  /** With choice-based sign-in: passkeys for this relying party (the app's domain). */
  readonly passkeyRelyingPartyId: string | undefined;
  /** Choice-based sign-in with a code by email as a first factor (needs SES: `sesFromEmail`). */
  readonly emailCodeSignIn: boolean;
  readonly mfa: 'off' | 'optional' | 'required';
  readonly mfaFactors: { readonly totp: boolean; readonly sms: boolean; readonly email: boolean };
  /** A verified SES identity the pool sends mail from; email MFA needs one. */
  readonly sesFromEmail: string | undefined;
  /** The SES identity's region (the stack's region is known only at deploy time). */
  readonly sesRegion: string | undefined;
  readonly deviceTracking: boolean;
  /** Managed login on the pool's own domain `https://<domainPrefix>.auth.<region>.amazoncognito.com`. */
  readonly hostedUi: boolean;
  readonly domainPrefix: string | undefined;
  readonly selfSignUp: boolean;
  /** Lifetime of ID and access tokens. */
  readonly tokenMinutes: number;
  /** An origin that calls the API directly (not through the app's CloudFront origin), for CORS. */
  readonly corsOrigin: string | undefined;
}

const MFA_MODES = ['off', 'optional', 'required'] as const;
const MFA_FACTORS = ['totp', 'sms', 'email'] as const;

/**
 * @param context  `node.tryGetContext`: strings from the command line, JSON values from cdk.json
 * @throws Error naming the option, for a value or a combination Cognito would refuse at deploy
 */
export function readConfig(context: (key: string) => unknown): AuthchartConfig {
  const stage = text(context, 'stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,20}$/.test(stage)) fail('stage', 'lowercase letters, digits and "-", 21 at most, starting with a letter');
  const mfa = text(context, 'mfa') ?? 'optional';
  if (!isOneOf(MFA_MODES, mfa)) fail('mfa', `one of ${MFA_MODES.join(', ')}`);
  const factorNames = list(context, 'mfaFactors') ?? ['totp'];
  const unknownFactor = factorNames.find((name) => !isOneOf(MFA_FACTORS, name));
  if (unknownFactor !== undefined) fail('mfaFactors', `a list of ${MFA_FACTORS.join(', ')} (got "${unknownFactor}")`);
  const mfaFactors = { totp: factorNames.includes('totp'), sms: factorNames.includes('sms'), email: factorNames.includes('email') };
  if (mfa !== 'off' && factorNames.length === 0) fail('mfaFactors', `at least one factor when mfa is ${mfa}`);

  const sesFromEmail = text(context, 'sesFromEmail');
  if (mfa !== 'off' && mfaFactors.email && !sesFromEmail) fail('sesFromEmail', 'a verified SES address: email MFA sends from it');
  const sesRegion = text(context, 'sesRegion');
  if (Boolean(sesFromEmail) !== Boolean(sesRegion)) fail(sesFromEmail ? 'sesRegion' : 'sesFromEmail', 'sesFromEmail and sesRegion together');
  const choiceBased = flag(context, 'choiceBased', false);
  const passkeyRelyingPartyId = text(context, 'passkeyRelyingPartyId');
  if (passkeyRelyingPartyId && !choiceBased) fail('passkeyRelyingPartyId', 'set only with choiceBased=true (passkeys are a choice-based first factor)');
  const emailCodeSignIn = flag(context, 'emailCodeSignIn', false);
  if (emailCodeSignIn && !choiceBased) fail('emailCodeSignIn', 'set only with choiceBased=true (a code by email is a choice-based first factor)');
  if (emailCodeSignIn && !sesFromEmail) fail('sesFromEmail', 'a verified SES address: sign-in codes are sent from it');
  const hostedUi = flag(context, 'hostedUi', false);
  const domainPrefix = text(context, 'domainPrefix');
  if (hostedUi && !domainPrefix) fail('domainPrefix', 'required with hostedUi=true (unique in the region)');
  if (domainPrefix && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domainPrefix)) fail('domainPrefix', 'lowercase letters, digits and "-"');
  if (domainPrefix && /aws|amazon|cognito/.test(domainPrefix)) fail('domainPrefix', 'without "aws", "amazon" or "cognito" (Cognito refuses them)');
  const tokenMinutes = Number(text(context, 'tokenMinutes') ?? 60);
  if (!Number.isInteger(tokenMinutes) || tokenMinutes < 5 || tokenMinutes > 1440) fail('tokenMinutes', 'whole minutes from 5 to 1440');
  const corsOrigin = text(context, 'corsOrigin');
  if (corsOrigin !== undefined && new URL(corsOrigin).origin !== corsOrigin) fail('corsOrigin', 'an origin: scheme, host and port only');

  return {
    stage,
    // The local dev server's URLs only for the dev stage: another stage's client takes no
    // localhost return unless asked for.
    callbackUrls: list(context, 'callbackUrls') ?? (stage === 'dev' ? ['http://localhost:5173/sign-in'] : []),
    signOutUrls: list(context, 'signOutUrls') ?? (stage === 'dev' ? ['http://localhost:5173/'] : []),
    passwordAuth: flag(context, 'passwordAuth', false),
    customAuth: flag(context, 'customAuth', false),
    choiceBased,
    passkeyRelyingPartyId,
    emailCodeSignIn,
    mfa,
    mfaFactors,
    sesFromEmail,
    sesRegion,
    deviceTracking: flag(context, 'deviceTracking', false),
    hostedUi,
    domainPrefix,
    selfSignUp: flag(context, 'selfSignUp', true),
    tokenMinutes,
    corsOrigin,
  };
}

function text(context: (key: string) => unknown, key: string): string | undefined {
  const value = context(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') fail(key, 'a string');
  return String(value);
}

function flag(context: (key: string) => unknown, key: string, fallback: boolean): boolean {
  const value = context(key);
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fail(key, 'true or false');
}

/** A JSON array in cdk.json, or comma-separated on the command line. */
function list(context: (key: string) => unknown, key: string): string[] | undefined {
  const value = context(key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return fail(key, 'a list of strings');
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function fail(key: string, expected: string): never {
  throw new Error(`context ${key}: expected ${expected}`);
}
