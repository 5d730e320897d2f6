// The `authchart/passkeys` entry: the browser's passkeys for choice-based sign-in
// (`createAuth({ authFlow: 'USER_AUTH', choice: choiceBasedSignIn(), passkeys: browserPasskeys() })`) and the signed-in user's
// passkeys (`createPasskeys(auth)`). Apps without passkeys never load it.
export { browserPasskeys } from './browserPasskeys.js';
export type { PasskeyCredentials } from './browserPasskeys.js';
export { createPasskeys } from './createPasskeys.js';
export type { Passkey, Passkeys } from './createPasskeys.js';
export type { PasskeyPort } from './PasskeyPort.js';
export type { AuthenticationResponseJson, RegistrationResponseJson } from './webAuthnJson.js';
