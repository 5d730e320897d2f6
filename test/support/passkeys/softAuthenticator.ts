// A stand-in for `navigator.credentials` in Node tests: a software authenticator that makes real
// ES256 passkeys with WebCrypto and answers create() and get() as a browser would, with
// PublicKeyCredential-shaped objects (ArrayBuffers, getClientExtensionResults, getTransports).
// Byte layouts follow W3C WebAuthn Level 3: authenticator data §6.1, attested credential data
// §6.5.2, the `none` attestation §8.7, the COSE EC2 key of RFC 9053 §7.1.1. A test fake: what it
// produces is checked by @simplewebauthn/server (test/unit/passkeys/webAuthnJson.test.ts).
import { randomBytes, sign, KeyObject, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { bytesToBase64Url } from '../../../machines/passkeys/webAuthnJson.js';
import { concatBytes } from '../../../machines/srp/srpGroup.js';

export interface SoftAuthenticatorOptions {
  /** The page's origin, written into clientDataJSON, e.g. `http://localhost:5173`. */
  origin: string;
  /** Whether the user verifies (PIN, biometrics) at each ceremony: the UV flag. Default true. */
  userVerifies?: boolean;
  /** What credentials report as `authenticatorAttachment`. Default `platform`. */
  attachment?: 'platform' | 'cross-platform';
  /** What `response.getTransports()` answers at registration. Default `['internal', 'hybrid']`. */
  transports?: string[];
}

interface StoredCredential {
  id: Uint8Array<ArrayBuffer>;
  rpId: string;
  userHandle: Uint8Array<ArrayBuffer>;
  privateKey: webcrypto.CryptoKey;
  signCount: number;
}

// Authenticator data flags (§6.1).
const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;
const ATTESTED_CREDENTIAL_DATA = 0x40;
const ES256 = -7;
/** The `none` attestation carries no AAGUID worth trusting: all zeros (§6.5.1). */
const ZERO_AAGUID = new Uint8Array(16);

/** The wording Chromium gives NotAllowedError, whatever its cause (cancelled, no passkey, timeout). */
const NOT_ALLOWED = 'The operation either timed out or was not allowed.';

export class SoftAuthenticator {
  readonly #options: Required<SoftAuthenticatorOptions>;
  readonly #credentials: StoredCredential[] = [];
  #refusal: string | null = null;

  constructor(options: SoftAuthenticatorOptions) {
    this.#options = { userVerifies: true, attachment: 'platform', transports: ['internal', 'hybrid'], ...options };
  }

  /** The next create() or get() fails with a DOMException of this name, as a browser's would. */
  refuseNext(name: 'NotAllowedError' | 'AbortError' | 'InvalidStateError' | 'SecurityError' = 'NotAllowedError'): void {
    this.#refusal = name;
  }

  /**
   * The browser moves to another page: later ceremonies carry this origin. Another port of
   * localhost shares the RP ID `localhost`, so the authenticator serves it the same passkeys.
   */
  visit(origin: string): void {
    this.#options.origin = origin;
  }

  /** Deletes a passkey from the authenticator (its base64url id), as a user can in their settings. */
  forget(credentialId: string): void {
    const index = this.#credentials.findIndex((credential) => bytesToBase64Url(credential.id) === credentialId);
    if (index !== -1) this.#credentials.splice(index, 1);
  }

  /** The base64url ids of the passkeys it holds. */
  credentialIds(): string[] {
    return this.#credentials.map((credential) => bytesToBase64Url(credential.id));
  }

  async create({ publicKey }: CredentialCreationOptions): Promise<PublicKeyCredential> {
    if (!publicKey) throw new DOMException('Only publicKey credentials are supported.', 'NotSupportedError');
    this.#takeRefusal();
    const rpId = this.#rpId(publicKey.rp.id);
    const excluded = (publicKey.excludeCredentials ?? []).map((descriptor) => bytesToBase64Url(descriptor.id as ArrayBufferView));
    if (this.#credentials.some((credential) => credential.rpId === rpId && excluded.includes(bytesToBase64Url(credential.id)))) {
      throw new DOMException('The user attempted to register an authenticator that contains one of the credentials already registered with the relying party.', 'InvalidStateError');
    }
    if (!publicKey.pubKeyCredParams.some((parameter) => parameter.alg === ES256)) {
      throw new DOMException('None of the requested algorithms is supported.', 'NotSupportedError');
    }
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const id = new Uint8Array(randomBytes(16));
    const credential: StoredCredential = { id, rpId, userHandle: copyBytes(publicKey.user.id), privateKey: keys.privateKey, signCount: 0 };
    this.#credentials.push(credential);

    const rawPublicKey = new Uint8Array(await webcrypto.subtle.exportKey('raw', keys.publicKey));
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, ES256], // alg
        [-1, 1], // crv: P-256
        [-2, rawPublicKey.slice(1, 33)], // x
        [-3, rawPublicKey.slice(33, 65)], // y
      ]),
    );
    const attestedCredentialData = concatBytes(ZERO_AAGUID, uint16(id.length), id, coseKey);
    const authenticatorData = concatBytes(await this.#authenticatorDataHead(rpId, ATTESTED_CREDENTIAL_DATA, credential.signCount), attestedCredentialData);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, never>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, never>()],
        ['authData', authenticatorData],
      ]),
    );
    const spki = await webcrypto.subtle.exportKey('spki', keys.publicKey);
    const transports = [...this.#options.transports];
    const response = {
      clientDataJSON: this.#clientData('webauthn.create', publicKey.challenge),
      attestationObject: arrayBuffer(attestationObject),
      getTransports: () => transports,
      getPublicKeyAlgorithm: () => ES256,
      getPublicKey: () => spki,
      getAuthenticatorData: () => arrayBuffer(authenticatorData),
    };
    return this.#credential(id, response, publicKey.extensions?.credProps ? { credProps: { rk: true } } : {});
  }

  async get({ publicKey }: CredentialRequestOptions): Promise<PublicKeyCredential> {
    if (!publicKey) throw new DOMException('Only publicKey credentials are supported.', 'NotSupportedError');
    this.#takeRefusal();
    const rpId = this.#rpId(publicKey.rpId);
    const allowed = (publicKey.allowCredentials ?? []).map((descriptor) => bytesToBase64Url(descriptor.id as ArrayBufferView));
    const credential = this.#credentials.find(
      (candidate) => candidate.rpId === rpId && (allowed.length === 0 || allowed.includes(bytesToBase64Url(candidate.id))),
    );
    // Browsers do not tell "no passkey here" from "cancelled", on purpose.
    if (!credential) throw new DOMException(NOT_ALLOWED, 'NotAllowedError');
    credential.signCount += 1;
    const authenticatorData = await this.#authenticatorDataHead(rpId, 0, credential.signCount);
    const clientDataJSON = this.#clientData('webauthn.get', publicKey.challenge);
    const clientDataHash = new Uint8Array(await webcrypto.subtle.digest('SHA-256', clientDataJSON));
    // WebAuthn wants ES256 signatures DER-encoded (§6.5.5); WebCrypto signs raw r‖s.
    const signature = sign('sha256', concatBytes(authenticatorData, clientDataHash), {
      key: KeyObject.from(credential.privateKey),
      dsaEncoding: 'der',
    });
    const response = {
      clientDataJSON,
      authenticatorData: arrayBuffer(authenticatorData),
      signature: arrayBuffer(new Uint8Array(signature)),
      userHandle: arrayBuffer(credential.userHandle),
    };
    return this.#credential(credential.id, response, {});
  }

  #takeRefusal(): void {
    const refusal = this.#refusal;
    this.#refusal = null;
    if (refusal) throw new DOMException(refusal === 'NotAllowedError' ? NOT_ALLOWED : `Refused (${refusal}).`, refusal);
  }

  /**
   * The RP ID a browser would accept on this origin: the host itself or a parent domain of it,
   * never an IP address (WebAuthn needs a domain: `http://127.0.0.1` pages get SecurityError).
   */
  #rpId(requested: string | undefined): string {
    const host = new URL(this.#options.origin).hostname;
    const rpId = requested ?? host;
    const bareHost = host.replace(/^\[|\]$/g, '');
    if (isIP(bareHost) !== 0 || (host !== rpId && !host.endsWith(`.${rpId}`))) {
      throw new DOMException('The relying party ID is not a registrable domain suffix of, nor equal to the current domain.', 'SecurityError');
    }
    return rpId;
  }

  /** rpIdHash ‖ flags ‖ signCount (§6.1), with the UP flag and UV when the user verifies. */
  async #authenticatorDataHead(rpId: string, extraFlags: number, signCount: number): Promise<Uint8Array<ArrayBuffer>> {
    const rpIdHash = new Uint8Array(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(rpId)));
    const flags = USER_PRESENT | (this.#options.userVerifies ? USER_VERIFIED : 0) | extraFlags;
    const counter = new Uint8Array(4);
    new DataView(counter.buffer).setUint32(0, signCount);
    return concatBytes(rpIdHash, Uint8Array.of(flags), counter);
  }

  #clientData(type: 'webauthn.create' | 'webauthn.get', challenge: BufferSource): ArrayBuffer {
    const json = JSON.stringify({ type, challenge: bytesToBase64Url(challenge), origin: this.#options.origin, crossOrigin: false });
    return arrayBuffer(new TextEncoder().encode(json));
  }

  #credential(id: Uint8Array<ArrayBuffer>, response: object, extensionResults: AuthenticationExtensionsClientOutputs): PublicKeyCredential {
    const credential = {
      id: bytesToBase64Url(id),
      rawId: arrayBuffer(id),
      type: 'public-key',
      authenticatorAttachment: this.#options.attachment,
      response,
      getClientExtensionResults: () => extensionResults,
    };
    return credential as unknown as PublicKeyCredential;
  }
}

function copyBytes(source: BufferSource): Uint8Array<ArrayBuffer> {
  const view = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
  return view.slice();
}

/** An ArrayBuffer of exactly these bytes (never a shared or pooled one). */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

function uint16(value: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.of(value >> 8, value & 0xff);
}
