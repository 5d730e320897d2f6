// The dev world's USER_AUTH front (dev/userAuthFront.js) over HTTP, in front of the run's
// cognito-local: authchart's real fetchTransport on one side, a software authenticator standing in
// for the browser, every passkey ceremony verified by @simplewebauthn/server inside the front, and
// tokens checked with the demo API's own verifier. cognito-local has no USER_AUTH and no WebAuthn:
// the front is a fake of those, named so; what it forwards is cognito-local's.
import { randomUUID } from 'node:crypto';
import { jwtDecode } from 'jwt-decode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createIdTokenVerifier } from '../../dev/idTokenVerifier.js';
import { cognitoLocalSigningKey } from '../../dev/signingKey.js';
import { startUserAuthFront, type UserAuthFront } from '../../dev/userAuthFront.js';
import { fetchTransport, type CognitoTransport } from '../../machines/index.js';
import type { AuthenticationResultType } from '../../machines/cognito/cognitoWire.js';
import { assertionToJson, attestationToJson, creationOptionsFromJson, requestOptionsFromJson } from '../../machines/passkeys/webAuthnJson.js';
import { SoftAuthenticator } from '../support/passkeys/softAuthenticator.js';

const cognito = inject('cognito');
const ORIGIN = 'http://localhost:5173';
const ClientId = cognito.clientId;
// A user of this file only: cognito-local rewrites a user's record at every sign-in.
const username = `passkey-${randomUUID().slice(0, 8)}`;
const password = 'Passkey-passw0rd!';
const email = `${username}@example.com`;

let front: UserAuthFront;
let transport: CognitoTransport;
const authenticator = new SoftAuthenticator({ origin: ORIGIN });
/** cognito-local's tokens for the user, from a password sign-in forwarded by the front. */
let passwordTokens: AuthenticationResultType;
let credentialId: string;

beforeAll(async () => {
  const local = fetchTransport({ region: cognito.region, endpoint: cognito.endpoint });
  const { UserSub } = await local.call('SignUp', { ClientId, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: email }] });
  await local.call('ConfirmSignUp', { ClientId, Username: username, ConfirmationCode: cognito.confirmationCode });
  front = await startUserAuthFront({
    cognitoEndpoint: cognito.endpoint,
    userPoolId: cognito.userPoolId,
    clientId: ClientId,
    signingKey: cognitoLocalSigningKey(),
    users: [{ username, sub: UserSub!, email }],
    origins: [ORIGIN],
    rpId: 'localhost',
  });
  transport = fetchTransport({ region: cognito.region, endpoint: front.endpoint });
});

afterAll(() => front?.stop());

const userAuth = (extra: Record<string, string> = {}) =>
  transport.call('InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId, AuthParameters: { USERNAME: username, ...extra } });

const respond = (ChallengeName: 'WEB_AUTHN' | 'EMAIL_OTP' | 'SELECT_CHALLENGE', Session: string, responses: Record<string, string>) =>
  transport.call('RespondToAuthChallenge', { ClientId, ChallengeName, Session, ChallengeResponses: { USERNAME: username, ...responses } });

async function passkeyChallenge() {
  const challenge = await userAuth({ PREFERRED_CHALLENGE: 'WEB_AUTHN' });
  expect(challenge.ChallengeName).toBe('WEB_AUTHN');
  const publicKey = requestOptionsFromJson(JSON.parse(challenge.ChallengeParameters!['CREDENTIAL_REQUEST_OPTIONS']!));
  return { session: challenge.Session!, publicKey };
}

const credentialOf = async (publicKey: PublicKeyCredentialRequestOptions) => JSON.stringify(assertionToJson(await authenticator.get({ publicKey })));

describe('the USER_AUTH front over HTTP, before cognito-local', () => {
  it('forwards a non-USER_AUTH sign-in to cognito-local, whose tokens come back unchanged', async () => {
    const answer = await transport.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
    passwordTokens = answer.AuthenticationResult!;
    expect(jwtDecode<{ iss: string; username: string }>(passwordTokens.AccessToken!)).toMatchObject({ iss: `${cognito.endpoint}/${cognito.userPoolId}`, username });
    // cognito-local's own shape: no ExpiresIn (COGNITO-LOCAL.md), so this did not come from the pool.
    expect(passwordTokens.ExpiresIn).toBeUndefined();
  });

  it('registers a passkey with cognito-local’s access token, and lists it', async () => {
    const started = await transport.call('StartWebAuthnRegistration', { AccessToken: passwordTokens.AccessToken! });
    const created = await authenticator.create({ publicKey: creationOptionsFromJson(started.CredentialCreationOptions) });
    await transport.call('CompleteWebAuthnRegistration', { AccessToken: passwordTokens.AccessToken!, Credential: attestationToJson(created) });
    const listed = await transport.call('ListWebAuthnCredentials', { AccessToken: passwordTokens.AccessToken! });
    credentialId = authenticator.credentialIds()[0]!;
    expect(listed.Credentials).toEqual([expect.objectContaining({ CredentialId: credentialId, RelyingPartyId: 'localhost', CreatedAt: expect.any(Number) })]);
  });

  it('signs in with USER_AUTH WEB_AUTHN; the demo API’s verifier accepts the ID token; refresh works both ways', async () => {
    const { session, publicKey } = await passkeyChallenge();
    const answer = await respond('WEB_AUTHN', session, { CREDENTIAL: await credentialOf(publicKey) });
    const tokens = answer.AuthenticationResult!;
    const verifyIdToken = createIdTokenVerifier({ userPoolId: cognito.userPoolId, clientId: ClientId, region: cognito.region, endpoint: cognito.endpoint });
    expect(await verifyIdToken(tokens.IdToken!)).toMatchObject({ 'cognito:username': username, email, token_use: 'id' });

    const rotated = await transport.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: tokens.RefreshToken! });
    const refreshed = await transport.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } });
    for (const result of [rotated.AuthenticationResult!, refreshed.AuthenticationResult!]) {
      expect(await verifyIdToken(result.IdToken!)).toMatchObject({ sub: jwtDecode(tokens.IdToken!).sub });
    }
    await transport.call('RevokeToken', { ClientId, Token: tokens.RefreshToken! });
    await expect(transport.call('GetTokensFromRefreshToken', { ClientId, RefreshToken: tokens.RefreshToken! })).rejects.toMatchObject({ code: 'refreshRejected' });
  });

  it('signs in with EMAIL_OTP; a wrong code is codeMismatch and the same session takes the right one', async () => {
    const challenge = await userAuth({ PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(challenge.ChallengeParameters).toEqual({ CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: `${username[0]}***@e***` });
    const code = front.lastCode(username)!;
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await expect(respond('EMAIL_OTP', challenge.Session!, { EMAIL_OTP_CODE: wrong })).rejects.toMatchObject({ code: 'codeMismatch', status: 400 });
    const answer = await respond('EMAIL_OTP', challenge.Session!, { EMAIL_OTP_CODE: code });
    expect(jwtDecode<{ 'cognito:username': string }>(answer.AuthenticationResult!.IdToken!)['cognito:username']).toBe(username);
  });

  it('offers SELECT_CHALLENGE without a preference; PASSWORD there is checked by cognito-local', async () => {
    const select = await userAuth();
    expect(select).toMatchObject({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] });
    const answer = await respond('SELECT_CHALLENGE', select.Session!, { ANSWER: 'PASSWORD', PASSWORD: password });
    expect(jwtDecode<{ username: string }>(answer.AuthenticationResult!.AccessToken!).username).toBe(username);
    const again = await userAuth();
    await expect(respond('SELECT_CHALLENGE', again.Session!, { ANSWER: 'PASSWORD', PASSWORD: 'wrong' })).rejects.toMatchObject({ status: 400 });
  });

  it('a refused prompt is the browser’s NotAllowedError, and the session is still good for the next try', async () => {
    const { session, publicKey } = await passkeyChallenge();
    authenticator.refuseNext('NotAllowedError');
    await expect(authenticator.get({ publicKey })).rejects.toMatchObject({ name: 'NotAllowedError' });
    const answer = await respond('WEB_AUTHN', session, { CREDENTIAL: await credentialOf(publicKey) });
    expect(answer.AuthenticationResult?.IdToken).toBeDefined();
  });

  it('answers refusals as Cognito’s JSON errors, with CORS for the app', async () => {
    const response = await fetch(`${front.endpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListWebAuthnCredentials', Origin: ORIGIN },
      body: JSON.stringify({ AccessToken: 'not-a-token' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });

  it('after the passkey is deleted, WEB_AUTHN is no longer offered and a pending assertion is refused', async () => {
    const pending = await passkeyChallenge();
    await transport.call('DeleteWebAuthnCredential', { AccessToken: passwordTokens.AccessToken!, CredentialId: credentialId });
    expect((await transport.call('ListWebAuthnCredentials', { AccessToken: passwordTokens.AccessToken! })).Credentials).toEqual([]);
    await expect(respond('WEB_AUTHN', pending.session, { CREDENTIAL: await credentialOf(pending.publicKey) })).rejects.toMatchObject({
      cognitoName: 'NotAuthorizedException',
      status: 400,
    });
    expect((await userAuth({ PREFERRED_CHALLENGE: 'WEB_AUTHN' })).AvailableChallenges).toEqual(['PASSWORD', 'EMAIL_OTP']);
  });
});
