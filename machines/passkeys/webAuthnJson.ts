import { AuthError } from '../AuthError.js';
import type { DocumentType } from '../cognito/cognitoWire.js';

/**
 * WebAuthn's JSON forms (W3C WebAuthn Level 3, §5.1 `toJSON` and §5.1.9/§5.1.10
 * `parse…OptionsFromJSON`) written out by hand: those methods are missing from some browsers
 * authchart supports. Binary members travel as base64url without padding (RFC 4648 §5), as
 * Cognito sends and expects them.
 *
 * Ill-typed members are refused with `invalidResponse` rather than dropped, as the browsers' own
 * parsers refuse them (a WebIDL TypeError): a challenge the pool mangled cannot be answered.
 */

/** AuthenticationResponseJSON (§5.1): RespondToAuthChallenge's CREDENTIAL, once stringified. */
export type AuthenticationResponseJson = {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  clientExtensionResults: ClientExtensionResultsJson;
  authenticatorAttachment?: AuthenticatorAttachment;
};

/** RegistrationResponseJSON (§5.1): CompleteWebAuthnRegistration's Credential. */
export type RegistrationResponseJson = {
  id: string;
  rawId: string;
  type: 'public-key';
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports?: string[];
    publicKeyAlgorithm?: number;
    publicKey?: string;
    authenticatorData?: string;
  };
  clientExtensionResults: ClientExtensionResultsJson;
  authenticatorAttachment?: AuthenticatorAttachment;
};

/** The client extension outputs, binary values (a PRF result, a large blob) base64url-encoded. */
export type ClientExtensionResultsJson = { [extension: string]: DocumentType };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));

const invalid = (what: string) => new AuthError('invalidResponse', `The user pool's passkey data could not be used: ${what}.`);

/**
 * Decodes base64url (RFC 4648 §5). Padding is tolerated when it is exactly what a padded encoder
 * writes (so a server that pads still works) and never required; anything else outside the
 * alphabet (`+`, `/`, spaces) is refused, unlike `atob`.
 */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string') throw invalid('a binary value is not a string');
  const unpadded = text.replace(/={1,2}$/, '');
  const paddedRightly = unpadded.length === text.length || text.length % 4 === 0;
  if (!paddedRightly || unpadded.length % 4 === 1) throw invalid('a binary value is not base64url');
  const bytes = new Uint8Array(Math.floor((unpadded.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let index = 0;
  for (const char of unpadded) {
    const value = VALUE_OF.get(char);
    if (value === undefined) throw invalid('a binary value is not base64url');
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return bytes;
}

/** Encodes as base64url (RFC 4648 §5), without padding. */
export function bytesToBase64Url(bytes: ArrayBuffer | ArrayBufferView): string {
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 3) {
    const chunk = (view[i]! << 16) | ((view[i + 1] ?? 0) << 8) | (view[i + 2] ?? 0);
    const chars = Math.min(view.length - i, 3) + 1;
    for (let j = 0; j < chars; j++) text += ALPHABET[(chunk >> (18 - 6 * j)) & 63];
  }
  return text;
}

/** Cognito's CREDENTIAL_REQUEST_OPTIONS (already JSON.parse'd) → what navigator.credentials.get({ publicKey }) takes. */
export function requestOptionsFromJson(json: unknown): PublicKeyCredentialRequestOptions {
  const options = record(json, 'the request options');
  return {
    challenge: binary(options['challenge'], 'challenge'),
    ...optional(options, 'rpId', 'string'),
    ...optional(options, 'timeout', 'number'),
    ...optional(options, 'userVerification', 'string'),
    ...optional(options, 'hints', 'array'),
    ...optional(options, 'extensions', 'object'),
    ...(options['allowCredentials'] === undefined ? {} : { allowCredentials: descriptors(options['allowCredentials'], 'allowCredentials') }),
  } as PublicKeyCredentialRequestOptions;
}

/** StartWebAuthnRegistration's CredentialCreationOptions → what navigator.credentials.create({ publicKey }) takes. */
export function creationOptionsFromJson(json: unknown): PublicKeyCredentialCreationOptions {
  const options = record(json, 'the creation options');
  const user = record(options['user'], 'user');
  if (typeof user['name'] !== 'string' || typeof user['displayName'] !== 'string') throw invalid('user.name or user.displayName is not a string');
  const rp = record(options['rp'], 'rp');
  if (typeof rp['name'] !== 'string') throw invalid('rp.name is not a string');
  if (!Array.isArray(options['pubKeyCredParams'])) throw invalid('pubKeyCredParams is not a list');
  return {
    rp: { name: rp['name'], ...optional(rp, 'id', 'string') },
    user: { id: binary(user['id'], 'user.id'), name: user['name'], displayName: user['displayName'] },
    challenge: binary(options['challenge'], 'challenge'),
    pubKeyCredParams: options['pubKeyCredParams'] as PublicKeyCredentialParameters[],
    ...optional(options, 'timeout', 'number'),
    ...optional(options, 'authenticatorSelection', 'object'),
    ...optional(options, 'attestation', 'string'),
    ...optional(options, 'hints', 'array'),
    ...optional(options, 'extensions', 'object'),
    ...(options['excludeCredentials'] === undefined
      ? {}
      : { excludeCredentials: descriptors(options['excludeCredentials'], 'excludeCredentials') }),
  } as PublicKeyCredentialCreationOptions;
}

/** navigator.credentials.get's answer → AuthenticationResponseJSON (§5.1). */
export function assertionToJson(credential: PublicKeyCredential): AuthenticationResponseJson {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bytesToBase64Url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bytesToBase64Url(response.clientDataJSON),
      authenticatorData: bytesToBase64Url(response.authenticatorData),
      signature: bytesToBase64Url(response.signature),
      ...(response.userHandle ? { userHandle: bytesToBase64Url(response.userHandle) } : {}),
    },
    clientExtensionResults: extensionResultsJson(credential.getClientExtensionResults()),
    ...attachmentOf(credential),
  };
}

/**
 * The attestation response's getters that not every browser has (Firefox and older Safari lack
 * some): each is read only when present, and its member left out otherwise.
 */
type OptionalAttestationGetters = Partial<
  Pick<AuthenticatorAttestationResponse, 'getTransports' | 'getPublicKeyAlgorithm' | 'getPublicKey' | 'getAuthenticatorData'>
>;

/** navigator.credentials.create's answer → RegistrationResponseJSON (§5.1). */
export function attestationToJson(credential: PublicKeyCredential): RegistrationResponseJson {
  const response = credential.response as AuthenticatorAttestationResponse;
  const getters: OptionalAttestationGetters = response;
  const publicKey = getters.getPublicKey?.call(response);
  return {
    id: credential.id,
    rawId: bytesToBase64Url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bytesToBase64Url(response.clientDataJSON),
      attestationObject: bytesToBase64Url(response.attestationObject),
      ...(getters.getTransports ? { transports: getters.getTransports.call(response) } : {}),
      ...(getters.getPublicKeyAlgorithm ? { publicKeyAlgorithm: getters.getPublicKeyAlgorithm.call(response) } : {}),
      ...(publicKey ? { publicKey: bytesToBase64Url(publicKey) } : {}),
      ...(getters.getAuthenticatorData ? { authenticatorData: bytesToBase64Url(getters.getAuthenticatorData.call(response)) } : {}),
    },
    clientExtensionResults: extensionResultsJson(credential.getClientExtensionResults()),
    ...attachmentOf(credential),
  };
}

/** `authenticatorAttachment` when the browser says (it may give null, or no member at all). */
function attachmentOf(credential: PublicKeyCredential): { authenticatorAttachment?: AuthenticatorAttachment } {
  const attachment = credential.authenticatorAttachment;
  return attachment ? { authenticatorAttachment: attachment as AuthenticatorAttachment } : {};
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function binary(value: unknown, what: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') throw invalid(`${what} is missing or not a string`);
  return base64UrlToBytes(value);
}

/** `allowCredentials` / `excludeCredentials`: each `id` decoded, `type` and `transports` kept. */
function descriptors(value: unknown, what: string): PublicKeyCredentialDescriptor[] {
  if (!Array.isArray(value)) throw invalid(`${what} is not a list`);
  return value.map((item: unknown) => {
    const descriptor = record(item, `an entry of ${what}`);
    if (typeof descriptor['type'] !== 'string') throw invalid(`an entry of ${what} has no type`);
    return {
      id: binary(descriptor['id'], `an id in ${what}`),
      type: descriptor['type'] as PublicKeyCredentialType,
      ...optional(descriptor, 'transports', 'array'),
    };
  });
}

type Kind = 'string' | 'number' | 'object' | 'array';

/** `{ [key]: value }` when the member is there and of the kind named; `{}` when absent. */
function optional(source: Record<string, unknown>, key: string, kind: Kind): Record<string, unknown> {
  const value = source[key];
  if (value === undefined) return {};
  if (!isKind(value, kind)) throw invalid(`${key} is not of type ${kind}`);
  return { [key]: value };
}

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === kind;
  }
}

/** Extension outputs as JSON: binary values base64url-encoded at any depth, as §5.1 does. */
function extensionResultsJson(results: AuthenticationExtensionsClientOutputs): ClientExtensionResultsJson {
  return toDocument(results) as ClientExtensionResultsJson;
}

function toDocument(value: unknown): DocumentType {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return bytesToBase64Url(value);
  if (Array.isArray(value)) return value.map(toDocument);
  if (typeof value === 'object' && value !== null) {
    const document: { [key: string]: DocumentType } = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) document[key] = toDocument(member);
    return document;
  }
  return value as DocumentType;
}
