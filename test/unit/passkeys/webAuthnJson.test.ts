import { randomBytes } from 'node:crypto';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/AuthError.js';
import type { DocumentType } from '../../../machines/cognito/cognitoWire.js';
import {
  assertionToJson,
  attestationToJson,
  base64UrlToBytes,
  bytesToBase64Url,
  creationOptionsFromJson,
  requestOptionsFromJson,
} from '../../../machines/passkeys/webAuthnJson.js';
import { SoftAuthenticator } from '../../support/passkeys/softAuthenticator.js';

const text = (value: string) => new TextEncoder().encode(value);
const bytes = (...values: number[]) => Uint8Array.from(values);

describe('base64url (RFC 4648 §5)', () => {
  // RFC 4648 §10's vectors: unpadded, since the base64url and base64 alphabets agree on them.
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ];

  it.each(vectors)('encodes and decodes %j as %j', (plain, encoded) => {
    expect(bytesToBase64Url(text(plain))).toBe(encoded);
    expect(base64UrlToBytes(encoded)).toEqual(text(plain));
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(bytesToBase64Url(bytes(0xfb, 0xef, 0xbe))).toBe('----');
    expect(bytesToBase64Url(bytes(0xff, 0xff, 0xff))).toBe('____');
    expect(bytesToBase64Url(bytes(0xfb, 0xff))).toBe('-_8');
    expect(base64UrlToBytes('-_8')).toEqual(bytes(0xfb, 0xff));
    expect(base64UrlToBytes('----____')).toEqual(bytes(0xfb, 0xef, 0xbe, 0xff, 0xff, 0xff));
  });

  it('round-trips every length from 0 to 70 (1, 2 and 3 mod 3), matching Node’s base64url', () => {
    for (let length = 0; length <= 70; length++) {
      const original = new Uint8Array(randomBytes(length));
      const encoded = bytesToBase64Url(original);
      expect(encoded).toBe(Buffer.from(original).toString('base64url'));
      expect(encoded).not.toContain('=');
      expect(base64UrlToBytes(encoded)).toEqual(original);
    }
  });

  it('encodes only the bytes a view covers, and ArrayBuffers whole', () => {
    const buffer = bytes(1, 2, 3, 4, 5).buffer;
    expect(bytesToBase64Url(new Uint8Array(buffer, 1, 2))).toBe(bytesToBase64Url(bytes(2, 3)));
    expect(bytesToBase64Url(new DataView(buffer, 3))).toBe(bytesToBase64Url(bytes(4, 5)));
    expect(bytesToBase64Url(buffer)).toBe('AQIDBAU');
  });

  it('decodes into a fresh ArrayBuffer-backed Uint8Array', () => {
    const decoded = base64UrlToBytes('Zm9v');
    expect(decoded.buffer).toBeInstanceOf(ArrayBuffer);
    expect(decoded.byteOffset).toBe(0);
    expect(decoded.buffer.byteLength).toBe(3);
  });

  it('tolerates the padding a padded encoder writes, and nothing else', () => {
    expect(base64UrlToBytes('Zg==')).toEqual(text('f'));
    expect(base64UrlToBytes('Zm8=')).toEqual(text('fo'));
    expect(base64UrlToBytes('-_8=')).toEqual(bytes(0xfb, 0xff));
  });

  it.each([
    ['a base64 +', 'Zm+v'],
    ['a base64 /', 'Zm/v'],
    ['a space', 'Zm9 v'],
    ['a line break', 'Zm9v\nYg'],
    ['a length of 1 mod 4', 'Zm9vY'],
    ['one = too few', 'Zg='],
    ['one = too many', 'Zm8=='],
    ['three =', 'Z==='],
    ['= in the middle', 'Zg==Zg'],
    ['= in the middle of a whole number of groups', 'Zg==Zm9v'],
    ['padding after a full group', 'Zm9v=='],
    ['a non-ASCII letter', 'Zm9é'],
  ])('refuses %s with invalidResponse', (_case, input) => {
    expect(() => base64UrlToBytes(input)).toThrow(AuthError);
    expect(() => base64UrlToBytes(input)).toThrow(expect.objectContaining({ code: 'invalidResponse' }));
  });

  it('refuses a value that is not a string', () => {
    expect(() => base64UrlToBytes(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalidResponse' }));
  });

  it.each([
    ['a number', 42, 'a binary value is not a string'],
    ['a wrong length', 'Zm9vY', 'a binary value is not base64url'],
    ['a character outside the alphabet', 'Zm+v', 'a binary value is not base64url'],
  ])('says what was wrong with %s', (_case, input, says) => {
    expect(() => base64UrlToBytes(input as string)).toThrow(`could not be used: ${says}.`);
  });
});

describe('requestOptionsFromJson', () => {
  const json = {
    challenge: 'AAEC_-8',
    rpId: 'localhost',
    timeout: 180000,
    userVerification: 'preferred',
    allowCredentials: [{ id: '-_8', type: 'public-key', transports: ['internal', 'hybrid'] }],
    extensions: { appid: 'x' },
  };

  it('decodes the challenge and the allowed ids, and keeps the rest', () => {
    const options = requestOptionsFromJson(json);
    expect(options.challenge).toEqual(bytes(0, 1, 2, 0xff, 0xef));
    expect(options.allowCredentials).toEqual([{ id: bytes(0xfb, 0xff), type: 'public-key', transports: ['internal', 'hybrid'] }]);
    expect(options).toMatchObject({ rpId: 'localhost', timeout: 180000, userVerification: 'preferred', extensions: { appid: 'x' } });
  });

  it('adds no member that was absent', () => {
    expect(Object.keys(requestOptionsFromJson({ challenge: 'AA' }))).toEqual(['challenge']);
  });

  it.each([
    ['no challenge', { rpId: 'localhost' }],
    ['a numeric challenge', { challenge: 12 }],
    ['a challenge that is not base64url', { challenge: 'a+b/' }],
    ['allowCredentials that is not a list', { challenge: 'AA', allowCredentials: {} }],
    ['an allowed id missing', { challenge: 'AA', allowCredentials: [{ type: 'public-key' }] }],
    ['an allowed id that is not base64url', { challenge: 'AA', allowCredentials: [{ id: '**', type: 'public-key' }] }],
    ['a timeout that is a string', { challenge: 'AA', timeout: '60000' }],
    ['not an object', 'challenge'],
    ['null', null],
  ])('refuses %s with invalidResponse', (_case, input) => {
    expect(() => requestOptionsFromJson(input)).toThrow(expect.objectContaining({ code: 'invalidResponse' }));
  });

  // The message names the member at fault, for whoever reads the pool's answer next.
  it.each([
    [null, 'the request options is not an object'],
    [{}, 'challenge is missing or not a string'],
    [{ challenge: 'AA', allowCredentials: {} }, 'allowCredentials is not a list'],
    [{ challenge: 'AA', allowCredentials: ['AA'] }, 'an entry of allowCredentials is not an object'],
    [{ challenge: 'AA', allowCredentials: [{ id: 'AA' }] }, 'an entry of allowCredentials has no type'],
    [{ challenge: 'AA', allowCredentials: [{ type: 'public-key' }] }, 'an id in allowCredentials is missing or not a string'],
    [{ challenge: 'AA', timeout: '60000' }, 'timeout is not of type number'],
    [{ challenge: 'AA', extensions: 'appid' }, 'extensions is not of type object'],
    [{ challenge: 'AA', extensions: null }, 'extensions is not of type object'],
  ])('refuses %j, saying %j', (input, says) => {
    expect(() => requestOptionsFromJson(input)).toThrow(new AuthError('invalidResponse', `The user pool's passkey data could not be used: ${says}.`));
  });
});

describe('creationOptionsFromJson', () => {
  const json = {
    rp: { id: 'localhost', name: 'authchart' },
    user: { id: 'dXNlci0x', name: 'demo', displayName: 'Demo' },
    challenge: '_-_-',
    pubKeyCredParams: [
      { type: 'public-key', alg: -7 },
      { type: 'public-key', alg: -257 },
    ],
    timeout: 60000,
    excludeCredentials: [{ id: 'AQID', type: 'public-key' }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    attestation: 'none',
    extensions: { credProps: true },
  };

  it('decodes the challenge, the user id and the excluded ids, and keeps the rest', () => {
    const options = creationOptionsFromJson(json);
    expect(options.challenge).toEqual(bytes(0xff, 0xef, 0xfe));
    expect(options.user).toEqual({ id: text('user-1'), name: 'demo', displayName: 'Demo' });
    expect(options.excludeCredentials).toEqual([{ id: bytes(1, 2, 3), type: 'public-key' }]);
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'authchart' },
      pubKeyCredParams: json.pubKeyCredParams,
      timeout: 60000,
      authenticatorSelection: json.authenticatorSelection,
      attestation: 'none',
      extensions: { credProps: true },
    });
  });

  it('adds no member that was absent', () => {
    const { rp, user, challenge, pubKeyCredParams } = json;
    const options = creationOptionsFromJson({ rp: { name: rp.name }, user, challenge, pubKeyCredParams });
    expect(Object.keys(options).sort()).toEqual(['challenge', 'pubKeyCredParams', 'rp', 'user']);
    expect(Object.keys(options.rp)).toEqual(['name']);
  });

  it.each([
    ['no challenge', { ...json, challenge: undefined }],
    ['no user id', { ...json, user: { name: 'demo', displayName: 'Demo' } }],
    ['a user id that is not base64url', { ...json, user: { ...json.user, id: 'dXN+' } }],
    ['no rp', { ...json, rp: undefined }],
    ['no pubKeyCredParams', { ...json, pubKeyCredParams: undefined }],
    ['an excluded id that is not base64url', { ...json, excludeCredentials: [{ id: '!', type: 'public-key' }] }],
    ['authenticatorSelection that is a list', { ...json, authenticatorSelection: [] }],
  ])('refuses %s with invalidResponse', (_case, input) => {
    expect(() => creationOptionsFromJson(input)).toThrow(expect.objectContaining({ code: 'invalidResponse' }));
  });

  it.each([
    ['not an object', null, 'the creation options is not an object'],
    ['no user', { ...json, user: undefined }, 'user is not an object'],
    ['no user name', { ...json, user: { id: 'dXNlci0x', displayName: 'Demo' } }, 'user.name or user.displayName is not a string'],
    ['no display name', { ...json, user: { id: 'dXNlci0x', name: 'demo' } }, 'user.name or user.displayName is not a string'],
    ['no rp', { ...json, rp: undefined }, 'rp is not an object'],
    ['no rp name', { ...json, rp: { id: 'localhost' } }, 'rp.name is not a string'],
    ['no pubKeyCredParams', { ...json, pubKeyCredParams: undefined }, 'pubKeyCredParams is not a list'],
  ])('refuses %s, saying %j', (_case, input, says) => {
    expect(() => creationOptionsFromJson(input)).toThrow(new AuthError('invalidResponse', `The user pool's passkey data could not be used: ${says}.`));
  });
});

describe('assertionToJson and attestationToJson, checked by @simplewebauthn/server', () => {
  const origin = 'http://localhost:5173';
  const rpId = 'localhost';

  async function registered() {
    const authenticator = new SoftAuthenticator({ origin });
    const challenge = bytesToBase64Url(randomBytes(32));
    const creation = creationOptionsFromJson({
      rp: { id: rpId, name: 'authchart' },
      user: { id: bytesToBase64Url(text('sub-1')), name: 'demo', displayName: 'demo' },
      challenge,
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    const registration = attestationToJson(await authenticator.create({ publicKey: creation }));
    // What goes on the wire: the JSON text, parsed again by the pool.
    const onTheWire = JSON.parse(JSON.stringify(registration));
    const verification = await verifyRegistrationResponse({ response: onTheWire, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpId });
    return { authenticator, registration, verification };
  }

  it('produces a registration the reference verifier accepts, every binary member base64url', async () => {
    const { registration, verification } = await registered();
    expect(verification.verified).toBe(true);
    expect(verification.registrationInfo?.credential.id).toBe(registration.id);
    expect(registration.rawId).toBe(registration.id);
    expect(registration.response.transports).toEqual(['internal', 'hybrid']);
    expect(registration.response.publicKeyAlgorithm).toBe(-7);
    expect(registration.authenticatorAttachment).toBe('platform');
    for (const member of ['clientDataJSON', 'attestationObject', 'publicKey', 'authenticatorData'] as const) {
      expect(registration.response[member]).toMatch(/^[\w-]+$/);
    }
    const asDocument: DocumentType = registration;
    expect(JSON.parse(JSON.stringify(asDocument))).toEqual(registration);
  });

  it('produces an assertion the reference verifier accepts, with the user handle', async () => {
    const { authenticator, verification } = await registered();
    const challenge = bytesToBase64Url(randomBytes(32));
    const request = requestOptionsFromJson({ challenge, rpId, userVerification: 'preferred' });
    const assertion = assertionToJson(await authenticator.get({ publicKey: request }));
    const onTheWire = JSON.parse(JSON.stringify(assertion));
    const credential = verification.registrationInfo!.credential;
    const result = await verifyAuthenticationResponse({ response: onTheWire, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpId, credential });
    expect(result.verified).toBe(true);
    expect(result.authenticationInfo.newCounter).toBe(1);
    expect(base64UrlToBytes(assertion.response.userHandle!)).toEqual(text('sub-1'));
    const asDocument: DocumentType = assertion;
    expect(asDocument).toEqual(onTheWire);
  });

  it('an assertion for another challenge or origin is refused by the reference verifier', async () => {
    const { authenticator, verification } = await registered();
    const challenge = bytesToBase64Url(randomBytes(32));
    const assertion = assertionToJson(await authenticator.get({ publicKey: requestOptionsFromJson({ challenge, rpId }) }));
    const credential = verification.registrationInfo!.credential;
    const other = bytesToBase64Url(randomBytes(32));
    await expect(verifyAuthenticationResponse({ response: assertion, expectedChallenge: other, expectedOrigin: origin, expectedRPID: rpId, credential })).rejects.toThrow();
    await expect(
      verifyAuthenticationResponse({ response: assertion, expectedChallenge: challenge, expectedOrigin: 'http://localhost:9999', expectedRPID: rpId, credential }),
    ).rejects.toThrow();
  });

  it('leaves out what the browser did not give, instead of writing undefined or null', () => {
    const buffer = (...values: number[]) => bytes(...values).buffer;
    const bare = {
      id: 'AQ',
      rawId: buffer(1),
      type: 'public-key',
      authenticatorAttachment: null,
      response: { clientDataJSON: buffer(2), authenticatorData: buffer(3), signature: buffer(4), userHandle: null },
      getClientExtensionResults: () => ({}),
    } as unknown as PublicKeyCredential;
    expect(assertionToJson(bare)).toEqual({
      id: 'AQ',
      rawId: 'AQ',
      type: 'public-key',
      response: { clientDataJSON: 'Ag', authenticatorData: 'Aw', signature: 'BA' },
      clientExtensionResults: {},
    });
    // A browser without getTransports, getPublicKey… (older Firefox and Safari).
    const older = { ...bare, response: { clientDataJSON: buffer(2), attestationObject: buffer(5) } } as unknown as PublicKeyCredential;
    expect(attestationToJson(older)).toEqual({
      id: 'AQ',
      rawId: 'AQ',
      type: 'public-key',
      response: { clientDataJSON: 'Ag', attestationObject: 'BQ' },
      clientExtensionResults: {},
    });
  });

  it('writes binary extension results as base64url, at any depth', () => {
    const credential = {
      id: 'AQ',
      rawId: bytes(1).buffer,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      response: { clientDataJSON: bytes(2).buffer, authenticatorData: bytes(3).buffer, signature: bytes(4).buffer, userHandle: null },
      getClientExtensionResults: () => ({ credProps: { rk: true }, prf: { results: { first: bytes(0xfb, 0xff).buffer } } }),
    } as unknown as PublicKeyCredential;
    expect(assertionToJson(credential)).toMatchObject({
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: { credProps: { rk: true }, prf: { results: { first: '-_8' } } },
    });
  });

  it('keeps lists as lists and null as null in extension results, and leaves out undefined members', () => {
    const credential = {
      id: 'AQ',
      rawId: bytes(1).buffer,
      type: 'public-key',
      authenticatorAttachment: null,
      response: { clientDataJSON: bytes(2).buffer, authenticatorData: bytes(3).buffer, signature: bytes(4).buffer, userHandle: null },
      getClientExtensionResults: () => ({ example: { blobs: [bytes(0xfb, 0xff).buffer, 'text'], none: null, absent: undefined } }),
    } as unknown as PublicKeyCredential;
    // toStrictEqual: a member written as undefined would not be left out.
    expect(assertionToJson(credential).clientExtensionResults).toStrictEqual({ example: { blobs: ['-_8', 'text'], none: null } });
  });
});
