import type { AuthConfig, FirstFactor, SignInFlow } from '../machines/index.js';
import type { HostedUiOptions } from '../machines/oauth/index.js';

const STORAGE_KINDS = ['local', 'session', 'memory', 'worker'] as const;
type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * The demo's pool, from the environment `npm run dev` sets (cognito-local) or the
 * VITE_COGNITO_* variables you set for a real pool. Null when nothing is configured.
 * VITE_AUTH_STORAGE picks where tokens live (`local` by default; the e2e tests build a
 * `memory` variant to show a reload losing the session; `worker` keeps the refresh token in a
 * Web Worker). VITE_AUTH_FLOW picks the sign-in flow (`USER_SRP_AUTH` by default; `npm run dev`
 * sets `USER_PASSWORD_AUTH` for cognito-local, which has no SRP).
 */
/**
 * createAuth's options, but `storage` as the kind named in the environment, and managed login as
 * hostedUi's options: main.ts builds the tier and the port, loading each entry only when asked for.
 */
export type AppConfig = Omit<AuthConfig, 'storage' | 'oauth' | 'passkeys'> & { storage: StorageKind; oauth?: HostedUiOptions };

export function appConfig(env: ImportMetaEnv = import.meta.env): AppConfig | null {
  const userPoolId = env.VITE_COGNITO_USER_POOL_ID;
  const clientId = env.VITE_COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) return null;
  return {
    userPoolId,
    clientId,
    storage: storageKind(env.VITE_AUTH_STORAGE),
    ...(env.VITE_COGNITO_REGION ? { region: env.VITE_COGNITO_REGION } : {}),
    ...(env.VITE_COGNITO_ENDPOINT ? { endpoint: env.VITE_COGNITO_ENDPOINT } : {}),
    ...(env.VITE_COGNITO_ISSUER ? { issuer: env.VITE_COGNITO_ISSUER } : {}),
    // createAuth checks it; unset means SRP.
    ...(env.VITE_AUTH_FLOW ? { authFlow: env.VITE_AUTH_FLOW as SignInFlow } : {}),
    ...(env.VITE_OAUTH_DOMAIN ? { oauth: hostedUiOptions(env, env.VITE_OAUTH_DOMAIN) } : {}),
  };
}

/** Managed login returns to the sign-in page, which says what went wrong, or carries on. */
function hostedUiOptions(env: ImportMetaEnv, domain: string): HostedUiOptions {
  return {
    domain,
    redirectUri: env.VITE_OAUTH_REDIRECT_URI || `${location.origin}/sign-in`,
    signOutUri: env.VITE_OAUTH_SIGN_OUT_URI || `${location.origin}/`,
  };
}

function storageKind(value: string | undefined): StorageKind {
  if (value === undefined || value === '') return 'local';
  if ((STORAGE_KINDS as readonly string[]).includes(value)) return value as StorageKind;
  throw new Error(`VITE_AUTH_STORAGE=${value}: use one of ${STORAGE_KINDS.join(', ')}`);
}

const WAYS_IN: readonly FirstFactor[] = ['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP'];

/**
 * The ways in besides the password the sign-in page offers (VITE_AUTH_WAYS_IN, e.g.
 * `WEB_AUTHN,EMAIL_OTP`): each starts a choice-based sign-in (USER_AUTH) with it preferred, so
 * the app client must allow ALLOW_USER_AUTH and the pool that way in.
 */
export function waysIn(env: ImportMetaEnv = import.meta.env): FirstFactor[] {
  const named = (env.VITE_AUTH_WAYS_IN ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of named) {
    if (!(WAYS_IN as readonly string[]).includes(name)) throw new Error(`VITE_AUTH_WAYS_IN=${name}: use ${WAYS_IN.join(', ')}`);
  }
  return named as FirstFactor[];
}

/**
 * Whether the pool tracks devices (VITE_AUTH_DEVICES=remembered, from the stack's outputs): the app
 * then confirms and remembers this browser (`authchart/devices`), and the profile page lists them.
 */
export function tracksDevices(env: ImportMetaEnv = import.meta.env): boolean {
  const value = env.VITE_AUTH_DEVICES ?? '';
  if (value !== '' && value !== 'remembered') throw new Error(`VITE_AUTH_DEVICES=${value}: use remembered, or leave it empty`);
  return value === 'remembered';
}
