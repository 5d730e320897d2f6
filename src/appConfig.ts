import type { AuthConfig } from '../machines/index.js';

/**
 * The demo's pool, from the environment `npm run dev` sets (cognito-local) or the
 * VITE_COGNITO_* variables you set for a real pool. Null when nothing is configured.
 */
export function appConfig(env: ImportMetaEnv = import.meta.env): AuthConfig | null {
  const userPoolId = env.VITE_COGNITO_USER_POOL_ID;
  const clientId = env.VITE_COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) return null;
  return {
    userPoolId,
    clientId,
    ...(env.VITE_COGNITO_REGION ? { region: env.VITE_COGNITO_REGION } : {}),
    ...(env.VITE_COGNITO_ENDPOINT ? { endpoint: env.VITE_COGNITO_ENDPOINT } : {}),
  };
}
