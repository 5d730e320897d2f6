import { AuthError } from '../AuthError.js';
import type { PasskeyPort } from './PasskeyPort.js';
import { assertionToJson, attestationToJson, creationOptionsFromJson, requestOptionsFromJson } from './webAuthnJson.js';

/** The part of `navigator.credentials` passkeys need (a software authenticator in tests). */
export type PasskeyCredentials = Pick<CredentialsContainer, 'get' | 'create'>;

/**
 * Passkeys through the browser's WebAuthn (`navigator.credentials`), for
 * `createAuth({ passkeys: browserPasskeys() })`. Null where the browser has no WebAuthn: the
 * sign-in then does not offer passkeys.
 */
export function browserPasskeys(credentials?: PasskeyCredentials): PasskeyPort | null {
  const container = credentials ?? (typeof globalThis.PublicKeyCredential === 'function' ? globalThis.navigator?.credentials : undefined);
  if (!container) return null;
  return {
    async authenticate(requestOptions, signal) {
      const publicKey = requestOptionsFromJson(parseJson(requestOptions));
      const credential = await ask(() => container.get({ publicKey, signal }));
      return JSON.stringify(assertionToJson(credential));
    },
    async register(creationOptions, signal) {
      const publicKey = creationOptionsFromJson(creationOptions);
      return attestationToJson(await ask(() => container.create({ publicKey, signal })));
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AuthError('invalidResponse', 'The user pool asked for a passkey with options that are not JSON.');
  }
}

/**
 * The browser's prompt, its refusals as AuthErrors. Browsers answer NotAllowedError both when the
 * user dismisses the prompt and when there is no passkey for this site, on purpose (a page must
 * not learn which passkeys exist), so the two are one outcome.
 */
async function ask(prompt: () => Promise<Credential | null>): Promise<PublicKeyCredential> {
  let credential: Credential | null;
  try {
    credential = await prompt();
  } catch (error) {
    throw refusal(error);
  }
  if (credential === null || credential.type !== 'public-key') throw new AuthError('passkeyCancelled', 'No passkey was used.');
  return credential as PublicKeyCredential;
}

function refusal(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
      return new AuthError('passkeyCancelled', 'No passkey was used.', { cause: error });
    // Registering on an authenticator that already holds a passkey for this account (excludeCredentials).
    case 'InvalidStateError':
      return new AuthError('passkeyUnavailable', 'This authenticator already holds a passkey for this account.', { cause: error });
    case 'NotSupportedError':
      return new AuthError('passkeyUnavailable', 'This authenticator cannot make a passkey the user pool accepts.', { cause: error });
    // The pool's relying party id is not this site's domain (or a parent of it).
    case 'SecurityError':
      return new AuthError('invalidConfig', "The user pool's passkey relying party does not match this site.", { cause: error });
    // AbortError: the chart stopped waiting (a cancel, a timeout); it is not the user's refusal.
    default:
      return error;
  }
}
