import { describe, expect, it } from 'vitest';
import type { CognitoOperation } from '../../../machines/index.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { operationErrors } from '../../support/wire/publishedModel.js';

/** Every operation authchart calls; the type below fails to compile when one is missing. */
const OPERATIONS = [
  'AssociateSoftwareToken',
  'ChangePassword',
  'CompleteWebAuthnRegistration',
  'ConfirmDevice',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'DeleteUser',
  'DeleteUserAttributes',
  'DeleteWebAuthnCredential',
  'ForgetDevice',
  'ForgotPassword',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GlobalSignOut',
  'InitiateAuth',
  'ListDevices',
  'ListWebAuthnCredentials',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetUserMFAPreference',
  'SignUp',
  'StartWebAuthnRegistration',
  'UpdateDeviceStatus',
  'UpdateUserAttributes',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
] as const satisfies readonly CognitoOperation[];
const allListed: Exclude<CognitoOperation, (typeof OPERATIONS)[number]> extends never ? true : never = true;

interface Call {
  label: string;
  operation: CognitoOperation;
  authFlow: string | undefined;
}

/**
 * InitiateAuth's errors mean different things for sign-in and for refresh, RespondToAuthChallenge's
 * for a password proof and for an MFA code: each meaning is checked.
 */
const FLOWS: Partial<Record<CognitoOperation, string[]>> = {
  InitiateAuth: ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH', 'CUSTOM_AUTH', 'REFRESH_TOKEN_AUTH'],
  RespondToAuthChallenge: ['PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SOFTWARE_TOKEN_MFA', 'WEB_AUTHN', 'SELECT_CHALLENGE'],
};
const CALLS: Call[] = OPERATIONS.flatMap((operation): Call[] =>
  (FLOWS[operation] ?? [undefined]).map((authFlow) => ({ label: authFlow ? `${operation} ${authFlow}` : operation, operation, authFlow })),
);

function table(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    CALLS.map(({ label, operation, authFlow }) => [
      label,
      Object.fromEntries(
        operationErrors(operation).map((name) => {
          // No status: a name that no table entry covers falls through to `unknown`.
          const error = mapCognitoError(operation, authFlow, { name, message: '', status: undefined });
          return [name, `${error.code}${error.retryable ? ' (retryable)' : ''}`];
        }),
      ),
    ]),
  );
}

describe("every error Cognito's API model lists for an operation authchart calls", () => {
  it('lists errors for every operation (the model is read, not assumed)', () => {
    expect(allListed).toBe(true);
    for (const { operation } of CALLS) expect(operationErrors(operation).length, operation).toBeGreaterThan(3);
  });

  it.each(CALLS.map((call) => [call.label, call] as const))('%s: each maps to a deliberate AuthError code', (_, call) => {
    const fellThrough = operationErrors(call.operation).filter(
      (name) => mapCognitoError(call.operation, call.authFlow, { name, message: '', status: undefined }).code === 'unknown',
    );
    expect(fellThrough).toEqual([]);
  });

  it('only refusals of the refresh token itself end a session on refresh', () => {
    for (const operation of ['GetTokensFromRefreshToken', 'InitiateAuth'] as const) {
      const rejected = operationErrors(operation).filter(
        (name) => mapCognitoError(operation, 'REFRESH_TOKEN_AUTH', { name, message: '', status: 400 }).code === 'refreshRejected',
      );
      expect(rejected.sort(), operation).toEqual(
        operation === 'InitiateAuth'
          ? ['NotAuthorizedException', 'UserNotFoundException']
          : ['NotAuthorizedException', 'RefreshTokenReuseException', 'UserNotFoundException'],
      );
    }
  });

  it('matches the reviewed table (codes and retryable), so a change in either is deliberate', () => {
    expect(table()).toMatchSnapshot();
  });
});
