import type { DocumentType } from '../cognito/cognitoWire.js';

/**
 * The browser's passkeys (WebAuthn), as authchart needs them: `browserPasskeys()` from
 * `authchart/passkeys` over `navigator.credentials`, or a software authenticator in tests.
 * Cognito speaks WebAuthn's JSON forms; the port turns them into the browser's calls and back.
 * Where the browser has no WebAuthn there is no port, and choice-based sign-in does not offer
 * passkeys.
 *
 * Both calls reject with an AuthError: `passkeyCancelled` when the user dismissed the prompt or
 * has no passkey for this site (browsers do not tell these apart), `passkeyUnavailable` when the
 * authenticator cannot do it.
 */
export interface PasskeyPort {
  /**
   * Signs in: Cognito's CREDENTIAL_REQUEST_OPTIONS (PublicKeyCredentialRequestOptionsJSON, a JSON
   * string) to the CREDENTIAL it expects back (AuthenticationResponseJSON, a JSON string).
   */
  authenticate(requestOptions: string, signal: AbortSignal): Promise<string>;
  /**
   * Registers a passkey: StartWebAuthnRegistration's CredentialCreationOptions to the
   * RegistrationResponseJSON that CompleteWebAuthnRegistration takes.
   */
  register(creationOptions: DocumentType, signal: AbortSignal): Promise<DocumentType>;
}
