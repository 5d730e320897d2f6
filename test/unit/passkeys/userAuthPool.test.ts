import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { describe, expect, it } from 'vitest';
import { jwtDecode } from 'jwt-decode';
import type { CognitoTransport } from '../../../machines/index.js';
import {
  assertionToJson,
  attestationToJson,
  base64UrlToBytes,
  creationOptionsFromJson,
  requestOptionsFromJson,
} from '../../../machines/passkeys/webAuthnJson.js';
import { passwordClaim } from '../../../machines/srp/passwordClaim.js';
import { startSrp } from '../../../machines/srp/startSrp.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { SoftAuthenticator } from '../../support/passkeys/softAuthenticator.js';
import { userAuthCognito } from '../../support/passkeys/userAuthCognito.js';
import { validateRequest } from '../../support/wire/validateRequest.js';

// The USER_AUTH pool (dev/userAuthPool.js), a fake of what cognito-local lacks, in-process: its
// answers' shapes, its refusals as the AuthErrors a real transport would make of them, its passkey
// ceremonies checked by @simplewebauthn/server, its tokens by aws-jwt-verify. Every request below
// also passes the published-model check (FakeCognito records them).

const ORIGIN = 'http://localhost:5173';
const ClientId = TEST_POOL.clientId;
const users = [
  { username: 'ana', sub: 'a0a0a0a0-0000-4000-8000-000000000001', email: 'ana@example.com', password: 'Ana-passw0rd!' },
  { username: 'ben', sub: 'b0b0b0b0-0000-4000-8000-000000000002', phone_number: '+15550100' },
  { username: 'cy', sub: 'c0c0c0c0-0000-4000-8000-000000000003', email: 'cy@example.com' },
];

async function world(now: () => number = Date.now) {
  const pool = await userAuthCognito({ users, origins: [ORIGIN], rpId: 'localhost', now });
  return { ...pool, cognito: pool.transport as CognitoTransport };
}

type World = Awaited<ReturnType<typeof world>>;

function signIn({ cognito }: World, username: string, extra: Record<string, string> = {}) {
  return cognito.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId, AuthParameters: { USERNAME: username, ...extra } });
}

async function emailCodeTokens(pool: World, username: string) {
  const challenge = await signIn(pool, username, { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
  const answer = await pool.cognito.call('RespondToAuthChallenge', {
    ClientId,
    ChallengeName: 'EMAIL_OTP',
    Session: challenge.Session!,
    ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: pool.lastCode(username)! },
  });
  return answer.AuthenticationResult!;
}

async function registerPasskey(pool: World, accessToken: string, authenticator = new SoftAuthenticator({ origin: ORIGIN })) {
  const started = await pool.cognito.call('StartWebAuthnRegistration', { AccessToken: accessToken });
  const credential = await authenticator.create({ publicKey: creationOptionsFromJson(started.CredentialCreationOptions) });
  await pool.cognito.call('CompleteWebAuthnRegistration', { AccessToken: accessToken, Credential: attestationToJson(credential) });
  return { authenticator, options: started.CredentialCreationOptions as Record<string, unknown> };
}

async function passkeySignIn(pool: World, username: string, authenticator: SoftAuthenticator) {
  const challenge = await signIn(pool, username, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  const requestOptions = JSON.parse(challenge.ChallengeParameters!['CREDENTIAL_REQUEST_OPTIONS']!);
  const assertion = await authenticator.get({ publicKey: requestOptionsFromJson(requestOptions) });
  return pool.cognito.call('RespondToAuthChallenge', {
    ClientId,
    ChallengeName: 'WEB_AUTHN',
    Session: challenge.Session!,
    ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(assertionToJson(assertion)) },
  });
}

describe('USER_AUTH: the first factors', () => {
  it('offers each user what they can do, in SELECT_CHALLENGE, when no preference is given', async () => {
    const pool = await world();
    const ana = await signIn(pool, 'ana');
    expect(ana).toEqual({ ChallengeName: 'SELECT_CHALLENGE', Session: expect.any(String), ChallengeParameters: {}, AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'] });
    expect((await signIn(pool, 'ben')).AvailableChallenges).toEqual(['SMS_OTP']);
    const cyTokens = await emailCodeTokens(pool, 'cy');
    await registerPasskey(pool, cyTokens.AccessToken!);
    expect((await signIn(pool, 'cy')).AvailableChallenges).toEqual(['EMAIL_OTP', 'WEB_AUTHN']);
  });

  it('goes straight to a preferred challenge the user can use, and falls back to SELECT_CHALLENGE otherwise', async () => {
    const pool = await world();
    expect((await signIn(pool, 'ana', { PREFERRED_CHALLENGE: 'EMAIL_OTP' })).ChallengeName).toBe('EMAIL_OTP');
    const fallback = await signIn(pool, 'ben', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    expect(fallback).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['SMS_OTP'] });
  });

  it('PASSWORD with the password gives tokens at once; a wrong one is invalidCredentials', async () => {
    const pool = await world();
    const answer = await signIn(pool, 'ana', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: users[0]!.password! });
    expect(Object.keys(answer.AuthenticationResult!).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'RefreshToken', 'TokenType']);
    await expect(signIn(pool, 'ana', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'nope' })).rejects.toMatchObject({
      code: 'invalidCredentials',
      cognitoName: 'NotAuthorizedException',
    });
  });

  it('PASSWORD_SRP proves the password with authchart’s SRP client (checked by test/support/srp)', async () => {
    const pool = await world();
    const secret = startSrp();
    const select = await signIn(pool, 'ana');
    const verifier = await pool.cognito.call('RespondToAuthChallenge', {
      ClientId,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: select.Session!,
      ChallengeResponses: { USERNAME: 'ana', ANSWER: 'PASSWORD_SRP', SRP_A: secret.A.toString(16) },
    });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const realm = TEST_POOL.userPoolId.split('_')[1]!;
    const claim = await passwordClaim({ realm, password: users[0]!.password!, secret, parameters: verifier.ChallengeParameters!, username: 'ana', now: Date.now() });
    const answer = await pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'PASSWORD_VERIFIER', Session: verifier.Session!, ChallengeResponses: claim });
    expect(answer.AuthenticationResult?.IdToken).toBeDefined();
  });

  it('EMAIL_OTP: a masked destination, a wrong code is codeMismatch and the session stays usable, then once only', async () => {
    const pool = await world();
    const challenge = await signIn(pool, 'ana', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(challenge.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' });
    const code = pool.lastCode('ana')!;
    expect(code).toMatch(/^\d{8}$/);
    const answer = (EMAIL_OTP_CODE: string) =>
      pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'EMAIL_OTP', Session: challenge.Session!, ChallengeResponses: { USERNAME: 'ana', EMAIL_OTP_CODE } });
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await expect(answer(wrong)).rejects.toMatchObject({ code: 'codeMismatch', cognitoName: 'CodeMismatchException' });
    expect((await answer(code)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(pool.lastCode('ana')).toBeUndefined();
    await expect(answer(code)).rejects.toMatchObject({ code: 'challengeExpired', cognitoName: 'NotAuthorizedException', message: expect.any(String) });
  });

  it('SMS_OTP through SELECT_CHALLENGE, with the number masked to its last four digits', async () => {
    const pool = await world();
    const select = await signIn(pool, 'ben');
    const sms = await pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'SELECT_CHALLENGE', Session: select.Session!, ChallengeResponses: { USERNAME: 'ben', ANSWER: 'SMS_OTP' } });
    expect(sms).toMatchObject({ ChallengeName: 'SMS_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+****0100' } });
    const answer = await pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'SMS_OTP', Session: sms.Session!, ChallengeResponses: { USERNAME: 'ben', SMS_OTP_CODE: pool.lastCode('ben')! } });
    expect(answer.AuthenticationResult?.RefreshToken).toBeDefined();
  });

  it('a session is refused after three minutes, and an answer outside the offer is an invalid request', async () => {
    let now = Date.now();
    const pool = await world(() => now);
    const select = await signIn(pool, 'ben');
    const choose = (ANSWER: string, Session: string) =>
      pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'SELECT_CHALLENGE', Session, ChallengeResponses: { USERNAME: 'ben', ANSWER } });
    await expect(choose('PASSWORD', select.Session!)).rejects.toMatchObject({ code: 'invalidRequest', cognitoName: 'InvalidParameterException' });
    const late = await signIn(pool, 'ben');
    now += 3 * 60_000;
    // The AuthError's code is mapCognitoError's business (SELECT_CHALLENGE may carry a password).
    await expect(choose('SMS_OTP', late.Session!)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    await expect(choose('SMS_OTP', 'not-a-session-of-this-pool')).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
  });

  it('an unknown user or app client is refused as Cognito names it', async () => {
    const pool = await world();
    await expect(signIn(pool, 'nobody')).rejects.toMatchObject({ cognitoName: 'UserNotFoundException', code: 'invalidCredentials' });
    await expect(pool.cognito.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: 'otherclient', AuthParameters: { USERNAME: 'ana' } })).rejects.toMatchObject({
      cognitoName: 'ResourceNotFoundException',
    });
  });
});

describe('the tokens', () => {
  it('have Cognito’s claims and verify with aws-jwt-verify against the pool’s key', async () => {
    const pool = await world();
    const tokens = await emailCodeTokens(pool, 'ana');
    const jwks: Jwks = JSON.parse(JSON.stringify({ keys: [pool.publicJwk] }));
    const idVerifier = CognitoJwtVerifier.create({ userPoolId: TEST_POOL.userPoolId, tokenUse: 'id', clientId: ClientId });
    idVerifier.cacheJwks(jwks);
    const id = await idVerifier.verify(tokens.IdToken!);
    expect(id).toMatchObject({ iss: TEST_POOL.issuer, aud: ClientId, token_use: 'id', sub: users[0]!.sub, 'cognito:username': 'ana', email: 'ana@example.com' });
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId: TEST_POOL.userPoolId, tokenUse: 'access', clientId: ClientId });
    accessVerifier.cacheJwks(jwks);
    const access = await accessVerifier.verify(tokens.AccessToken!);
    expect(access).toMatchObject({ client_id: ClientId, token_use: 'access', username: 'ana', origin_jti: id['origin_jti'] });
    expect(access['exp'] - access['iat']).toBe(3600);
    expect(tokens.RefreshToken).toMatch(/^eyJ[\w-]+(\.[\w-]+){4}$/);
  });

  it('refresh through REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken keeps auth_time; RevokeToken ends both', async () => {
    let now = Date.now();
    const pool = await world(() => now);
    const first = await emailCodeTokens(pool, 'ana');
    now += 60_000;
    const viaInitiate = await pool.cognito.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } });
    const viaGetTokens = await pool.cognito.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: first.RefreshToken! });
    for (const answer of [viaInitiate, viaGetTokens]) {
      expect(answer.AuthenticationResult?.RefreshToken).toBeUndefined();
      const claims = jwtDecode<{ auth_time: number; iat: number }>(answer.AuthenticationResult!.IdToken!);
      expect(claims.iat - claims.auth_time).toBe(60);
    }
    await pool.cognito.call('RevokeToken', { ClientId, Token: first.RefreshToken! });
    await expect(pool.cognito.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: first.RefreshToken! })).rejects.toMatchObject({ code: 'refreshRejected' });
    await expect(
      pool.cognito.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }),
    ).rejects.toMatchObject({ code: 'refreshRejected' });
    // The access tokens issued from it are revoked for the pool's own APIs too.
    await expect(pool.cognito.call('ListWebAuthnCredentials', { AccessToken: viaInitiate.AuthenticationResult!.AccessToken! })).rejects.toMatchObject({
      cognitoName: 'NotAuthorizedException',
      code: 'notAuthorized',
    });
  });
});

describe('passkeys', () => {
  it('registers (options as the API reference shapes them), lists, signs in, and a deleted passkey is refused', async () => {
    const pool = await world();
    const tokens = await emailCodeTokens(pool, 'cy');
    const { authenticator, options } = await registerPasskey(pool, tokens.AccessToken!);
    expect(options).toMatchObject({
      rp: { id: 'localhost' },
      user: { name: 'cy', displayName: 'cy' },
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    expect(new TextDecoder().decode(base64UrlToBytes((options['user'] as { id: string }).id))).toBe(users[2]!.sub);

    const listed = await pool.cognito.call('ListWebAuthnCredentials', { AccessToken: tokens.AccessToken! });
    const [credentialId] = authenticator.credentialIds();
    expect(listed).toEqual({
      Credentials: [
        {
          CredentialId: credentialId,
          FriendlyCredentialName: 'Passkey',
          RelyingPartyId: 'localhost',
          AuthenticatorAttachment: 'platform',
          AuthenticatorTransports: ['internal', 'hybrid'],
          CreatedAt: expect.any(Number),
        },
      ],
    });

    const signedIn = await passkeySignIn(pool, 'cy', authenticator);
    expect(jwtDecode<{ sub: string }>(signedIn.AuthenticationResult!.IdToken!).sub).toBe(users[2]!.sub);

    await pool.cognito.call('DeleteWebAuthnCredential', { AccessToken: tokens.AccessToken!, CredentialId: credentialId! });
    await expect(pool.cognito.call('DeleteWebAuthnCredential', { AccessToken: tokens.AccessToken!, CredentialId: credentialId! })).rejects.toMatchObject({
      cognitoName: 'ResourceNotFoundException',
    });
    expect((await signIn(pool, 'cy', { PREFERRED_CHALLENGE: 'WEB_AUTHN' })).ChallengeName).toBe('SELECT_CHALLENGE');
  });

  it('an assertion from another page of the same RP ID, a tampered one, or a used session is refused with NotAuthorizedException', async () => {
    const pool = await world();
    const tokens = await emailCodeTokens(pool, 'cy');
    const { authenticator } = await registerPasskey(pool, tokens.AccessToken!);
    // A page on another port of localhost: the authenticator serves it, the pool's origins do not.
    authenticator.visit('http://localhost:6666');
    await expect(passkeySignIn(pool, 'cy', authenticator)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    authenticator.visit(ORIGIN);

    const challenge = await signIn(pool, 'cy', { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    const publicKey = requestOptionsFromJson(JSON.parse(challenge.ChallengeParameters!['CREDENTIAL_REQUEST_OPTIONS']!));
    const assertion = assertionToJson(await authenticator.get({ publicKey }));
    const respond = (credential: object) =>
      pool.cognito.call('RespondToAuthChallenge', { ClientId, ChallengeName: 'WEB_AUTHN', Session: challenge.Session!, ChallengeResponses: { USERNAME: 'cy', CREDENTIAL: JSON.stringify(credential) } });
    const flipped = assertion.response.signature.startsWith('A') ? 'B' : 'A';
    const tampered = { ...assertion, response: { ...assertion.response, signature: flipped + assertion.response.signature.slice(1) } };
    await expect(respond(tampered)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    // The refused answer used the session: the genuine assertion cannot follow with it.
    await expect(respond(assertion)).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException', message: expect.any(String) });
  });

  it('registration: the challenge is used once and expires, excludeCredentials lists the user’s passkeys, a foreign origin is refused', async () => {
    let now = Date.now();
    const pool = await world(() => now);
    const tokens = await emailCodeTokens(pool, 'cy');
    const access = tokens.AccessToken!;
    const { authenticator } = await registerPasskey(pool, access);
    const again = await pool.cognito.call('StartWebAuthnRegistration', { AccessToken: access });
    expect((again.CredentialCreationOptions as { excludeCredentials: { id: string }[] }).excludeCredentials.map(({ id }) => id)).toEqual(authenticator.credentialIds());

    const second = new SoftAuthenticator({ origin: ORIGIN });
    const credential = attestationToJson(await second.create({ publicKey: creationOptionsFromJson(again.CredentialCreationOptions) }));
    await pool.cognito.call('CompleteWebAuthnRegistration', { AccessToken: access, Credential: credential });
    await expect(pool.cognito.call('CompleteWebAuthnRegistration', { AccessToken: access, Credential: credential })).rejects.toMatchObject({
      cognitoName: 'WebAuthnChallengeNotFoundException',
      code: 'challengeExpired',
    });

    const late = await pool.cognito.call('StartWebAuthnRegistration', { AccessToken: access });
    const lateCredential = attestationToJson(await new SoftAuthenticator({ origin: ORIGIN }).create({ publicKey: creationOptionsFromJson(late.CredentialCreationOptions) }));
    now += 5 * 60_000;
    await expect(pool.cognito.call('CompleteWebAuthnRegistration', { AccessToken: access, Credential: lateCredential })).rejects.toMatchObject({
      cognitoName: 'WebAuthnChallengeNotFoundException',
    });
    now -= 5 * 60_000;

    const foreign = await pool.cognito.call('StartWebAuthnRegistration', { AccessToken: access });
    const foreignCredential = attestationToJson(
      await new SoftAuthenticator({ origin: 'http://localhost:6666' }).create({ publicKey: creationOptionsFromJson(foreign.CredentialCreationOptions) }),
    );
    await expect(pool.cognito.call('CompleteWebAuthnRegistration', { AccessToken: access, Credential: foreignCredential })).rejects.toMatchObject({
      cognitoName: 'WebAuthnOriginNotAllowedException',
      code: 'invalidConfig',
    });
  });

  it('lists in pages of MaxResults with NextToken', async () => {
    const pool = await world();
    const access = (await emailCodeTokens(pool, 'cy')).AccessToken!;
    for (let i = 0; i < 3; i++) await registerPasskey(pool, access);
    const first = await pool.cognito.call('ListWebAuthnCredentials', { AccessToken: access, MaxResults: 2 });
    expect(first.Credentials).toHaveLength(2);
    const rest = await pool.cognito.call('ListWebAuthnCredentials', { AccessToken: access, MaxResults: 2, NextToken: first.NextToken! });
    expect(rest.Credentials).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
    const ids = [...first.Credentials!, ...rest.Credentials!].map((credential) => credential.CredentialId);
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses access tokens it cannot verify, and expired ones', async () => {
    let now = Date.now();
    const pool = await world(() => now);
    const tokens = await emailCodeTokens(pool, 'cy');
    const other = await world();
    const foreign = (await emailCodeTokens(other, 'cy')).AccessToken!;
    await expect(pool.cognito.call('StartWebAuthnRegistration', { AccessToken: foreign })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    await expect(pool.cognito.call('StartWebAuthnRegistration', { AccessToken: tokens.IdToken! })).rejects.toMatchObject({ cognitoName: 'NotAuthorizedException' });
    now += 3600_000;
    await expect(pool.cognito.call('ListWebAuthnCredentials', { AccessToken: tokens.AccessToken! })).rejects.toMatchObject({
      cognitoName: 'NotAuthorizedException',
      message: expect.not.stringContaining('eyJ'),
    });
  });

  it('the published-model check knows the WebAuthn operations (Credential is a JSON document)', () => {
    expect(validateRequest('CompleteWebAuthnRegistration', { AccessToken: 'a', Credential: { id: 'x', response: { transports: ['usb'] } } })).toBeNull();
    expect(validateRequest('CompleteWebAuthnRegistration', { AccessToken: 'a' })).toContain('required member Credential is missing');
    expect(validateRequest('ListWebAuthnCredentials', { AccessToken: 'a', MaxResults: '2' })).toContain('must be a number');
    expect(validateRequest('DeleteWebAuthnCredential', { AccessToken: 'a', CredentialId: 'c' })).toBeNull();
  });
});
