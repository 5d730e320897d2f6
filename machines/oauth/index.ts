// The `authchart/oauth` entry: managed login (Cognito's hosted UI) with PKCE, paid for only by
// apps that redirect. `createAuth({ oauth: hostedUi({ domain, redirectUri }) })`.
export { hostedUi } from './hostedUi.js';
export type { HostedUiEnvironment, HostedUiOptions } from './hostedUi.js';
export { codeChallengeS256, randomToken } from './pkce.js';
