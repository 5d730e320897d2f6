/**
 * The stack's outputs the app is built with, by output key → the variable the app reads
 * (src/appConfig.ts). The stack names its outputs from this table and scripts/writeEnv.ts names
 * the variables from it, so the two agree by construction. Only public identifiers: an app
 * client without a secret has nothing secret to write.
 */
export const APP_ENV_OUTPUTS = {
  UserPoolId: 'VITE_COGNITO_USER_POOL_ID',
  ClientId: 'VITE_COGNITO_CLIENT_ID',
  Region: 'VITE_COGNITO_REGION',
  OauthDomain: 'VITE_OAUTH_DOMAIN',
  // The ways in besides the password that the sign-in page offers (choice-based sign-in).
  WaysIn: 'VITE_AUTH_WAYS_IN',
  // `remembered` on a pool that tracks devices: the app passes `devices: rememberedDevices()`.
  Devices: 'VITE_AUTH_DEVICES',
} as const;

export type AppEnvOutput = keyof typeof APP_ENV_OUTPUTS;
