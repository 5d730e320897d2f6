// Passkeys: registration, listing and removal (see cognitoWire.ts).

/**
 * A JSON document as Cognito carries it in WebAuthn operations (the SDK's `DocumentType`): the
 * W3C's PublicKeyCredentialCreationOptionsJSON and RegistrationResponseJSON, for instance.
 */
export type DocumentType = null | boolean | number | string | DocumentType[] | { [prop: string]: DocumentType };

/** API_StartWebAuthnRegistration.html */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}

export interface StartWebAuthnRegistrationResponse {
  /** PublicKeyCredentialCreationOptionsJSON (binary members base64url-encoded). */
  CredentialCreationOptions?: DocumentType | undefined;
}

/** API_CompleteWebAuthnRegistration.html */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  /** RegistrationResponseJSON: the authenticator's answer to the creation options. */
  Credential: DocumentType;
}

export type CompleteWebAuthnRegistrationResponse = Record<never, never>;

/** API_ListWebAuthnCredentials.html */
export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  NextToken?: string;
  MaxResults?: number;
}

/** API_WebAuthnCredentialDescription.html */
export interface WebAuthnCredentialDescription {
  CredentialId?: string | undefined;
  FriendlyCredentialName?: string | undefined;
  RelyingPartyId?: string | undefined;
  AuthenticatorAttachment?: string | undefined;
  AuthenticatorTransports?: string[] | undefined;
  /** Seconds since the epoch on the wire (the fetch transport); a Date from the SDK transport. */
  CreatedAt?: Date | number | undefined;
}

export interface ListWebAuthnCredentialsResponse {
  Credentials?: WebAuthnCredentialDescription[] | undefined;
  NextToken?: string | undefined;
}

/** API_DeleteWebAuthnCredential.html */
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}

export type DeleteWebAuthnCredentialResponse = Record<never, never>;
