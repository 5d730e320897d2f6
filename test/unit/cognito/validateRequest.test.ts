import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../support/wire/validateRequest.js';

// The check that runs on every request of the suite (test/support/wire/checkWireRequests.ts)
// must itself be able to fail: each broken request below is one it has to catch.
const refresh = { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client1', AuthParameters: { REFRESH_TOKEN: 'r' } };

describe("validateRequest (Cognito's published API model)", () => {
  it('passes well-formed requests, including operations newer than the aws-sdk v2 model', () => {
    expect(validateRequest('InitiateAuth', refresh)).toBeNull();
    expect(validateRequest('GetTokensFromRefreshToken', { RefreshToken: 'r', ClientId: 'client1' })).toBeNull();
    expect(
      validateRequest('SignUp', { ClientId: 'c', Username: 'ana', Password: 'x', UserAttributes: [{ Name: 'email', Value: 'a@b.c' }] }),
    ).toBeNull();
    expect(
      validateRequest('SetUserMFAPreference', { AccessToken: 'a', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    ).toBeNull();
  });

  it.each([
    ['an unknown operation', 'GetTokens', { ClientId: 'c' }, 'GetTokens: not an operation'],
    ['a missing required member', 'InitiateAuth', { ClientId: 'c' }, 'required member AuthFlow is missing'],
    ['an unknown member', 'InitiateAuth', { ...refresh, Refresh: 'r' }, 'Refresh is not a member of InitiateAuthRequest'],
    ['a value of the wrong type', 'InitiateAuth', { ...refresh, ClientMetadata: { a: 1 } }, 'ClientMetadata.a: must be a string'],
    ['a nested wrong type', 'SignUp', { ClientId: 'c', Username: 'u', Password: 'p', UserAttributes: { email: 'x' } }, 'must be a list'],
    ['a value outside an enum', 'InitiateAuth', { ...refresh, AuthFlow: 'REFRESH_TOKENS_AUTH' }, 'is not a AuthFlowType'],
    ['a challenge name outside ChallengeNameType', 'RespondToAuthChallenge', { ClientId: 'c', ChallengeName: 'TOTP' }, 'ChallengeNameType'],
    ['a boolean sent as a string', 'SetUserMFAPreference', { AccessToken: 'a', SoftwareTokenMfaSettings: { Enabled: 'true' } }, 'true or false'],
    ['a client id breaking its pattern', 'InitiateAuth', { ...refresh, ClientId: 'my-client' }, "ClientIdType's pattern"],
    ['an empty username', 'ForgotPassword', { ClientId: 'c', Username: '' }, "UsernameType's minimum of 1"],
    ['a username with a space', 'ForgotPassword', { ClientId: 'c', Username: 'a b' }, "UsernameType's pattern"],
    ['a confirmation code with a space', 'ConfirmSignUp', { ClientId: 'c', Username: 'u', ConfirmationCode: '12 34' }, 'ConfirmationCodeType'],
    ['a body that is not an object', 'RevokeToken', 'Token=t', 'RevokeToken: must be an object'],
  ])('catches %s', (_, operation, body, expected) => {
    expect(validateRequest(operation, body)).toContain(expected);
  });

  it('never repeats a value that could be a secret', () => {
    const password = 'hunter2 with spaces';
    const problem = validateRequest('SignUp', { ClientId: 'c', Username: password, Password: password });
    expect(problem).toContain('Username');
    expect(problem).not.toContain('hunter2');
  });
});
