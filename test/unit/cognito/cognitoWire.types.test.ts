// authchart's own Cognito wire types (machines/cognito/cognitoWire.ts) against the AWS SDK's,
// which are generated from Cognito's published API model. A type-level test: `tsc` (`npm run
// check`) fails when a shape drifts; the vitest run only says the file was compiled.
import type * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { expect, expectTypeOf, test } from 'vitest';
import type { CognitoOperation, CognitoOperations } from '../../../machines/cognito/CognitoTransport.js';
import type * as wire from '../../../machines/cognito/cognitoWire.js';

/** The SDK's request and response structure for every operation authchart calls. */
interface SdkOperations {
  AssociateSoftwareToken: { input: sdk.AssociateSoftwareTokenRequest; output: sdk.AssociateSoftwareTokenResponse };
  ChangePassword: { input: sdk.ChangePasswordRequest; output: sdk.ChangePasswordResponse };
  CompleteWebAuthnRegistration: { input: sdk.CompleteWebAuthnRegistrationRequest; output: sdk.CompleteWebAuthnRegistrationResponse };
  ConfirmDevice: { input: sdk.ConfirmDeviceRequest; output: sdk.ConfirmDeviceResponse };
  ConfirmForgotPassword: { input: sdk.ConfirmForgotPasswordRequest; output: sdk.ConfirmForgotPasswordResponse };
  ConfirmSignUp: { input: sdk.ConfirmSignUpRequest; output: sdk.ConfirmSignUpResponse };
  DeleteUser: { input: sdk.DeleteUserRequest; output: Omit<sdk.DeleteUserCommandOutput, '$metadata'> };
  DeleteUserAttributes: { input: sdk.DeleteUserAttributesRequest; output: sdk.DeleteUserAttributesResponse };
  DeleteWebAuthnCredential: { input: sdk.DeleteWebAuthnCredentialRequest; output: sdk.DeleteWebAuthnCredentialResponse };
  ForgetDevice: { input: sdk.ForgetDeviceRequest; output: Omit<sdk.ForgetDeviceCommandOutput, '$metadata'> };
  ForgotPassword: { input: sdk.ForgotPasswordRequest; output: sdk.ForgotPasswordResponse };
  GetTokensFromRefreshToken: { input: sdk.GetTokensFromRefreshTokenRequest; output: sdk.GetTokensFromRefreshTokenResponse };
  GetUser: { input: sdk.GetUserRequest; output: sdk.GetUserResponse };
  GetUserAttributeVerificationCode: { input: sdk.GetUserAttributeVerificationCodeRequest; output: sdk.GetUserAttributeVerificationCodeResponse };
  GlobalSignOut: { input: sdk.GlobalSignOutRequest; output: sdk.GlobalSignOutResponse };
  InitiateAuth: { input: sdk.InitiateAuthRequest; output: sdk.InitiateAuthResponse };
  ListDevices: { input: sdk.ListDevicesRequest; output: sdk.ListDevicesResponse };
  ListWebAuthnCredentials: { input: sdk.ListWebAuthnCredentialsRequest; output: sdk.ListWebAuthnCredentialsResponse };
  ResendConfirmationCode: { input: sdk.ResendConfirmationCodeRequest; output: sdk.ResendConfirmationCodeResponse };
  RespondToAuthChallenge: { input: sdk.RespondToAuthChallengeRequest; output: sdk.RespondToAuthChallengeResponse };
  RevokeToken: { input: sdk.RevokeTokenRequest; output: sdk.RevokeTokenResponse };
  SetUserMFAPreference: { input: sdk.SetUserMFAPreferenceRequest; output: sdk.SetUserMFAPreferenceResponse };
  SignUp: { input: sdk.SignUpRequest; output: sdk.SignUpResponse };
  StartWebAuthnRegistration: { input: sdk.StartWebAuthnRegistrationRequest; output: sdk.StartWebAuthnRegistrationResponse };
  UpdateDeviceStatus: { input: sdk.UpdateDeviceStatusRequest; output: sdk.UpdateDeviceStatusResponse };
  UpdateUserAttributes: { input: sdk.UpdateUserAttributesRequest; output: sdk.UpdateUserAttributesResponse };
  VerifySoftwareToken: { input: sdk.VerifySoftwareTokenRequest; output: sdk.VerifySoftwareTokenResponse };
  VerifyUserAttribute: { input: sdk.VerifyUserAttributeRequest; output: sdk.VerifyUserAttributeResponse };
}

type Defined<T> = Exclude<T, undefined>;

/**
 * The members of `Ours`, at any depth (`AuthenticationResult.IdToken`, `UserAttributes.Name`),
 * that `Theirs` lacks; `never` when every one exists. Assignability alone misses these: an
 * optional member with a misspelt name is assignable both ways.
 */
type UnknownMembers<Ours, Theirs, Path extends string = ''> =
  Defined<Ours> extends readonly (infer Item)[]
    ? UnknownMembers<Item, Defined<Theirs> extends readonly (infer TheirItem)[] ? TheirItem : never, Path>
    : Defined<Ours> extends object
      ? {
          [K in keyof Defined<Ours> & string]-?: K extends keyof Defined<Theirs>
            ? UnknownMembers<Defined<Ours>[K], Defined<Theirs>[K], `${Path}${K}.`>
            : `${Path}${K}`;
        }[keyof Defined<Ours> & string]
      : never;

/**
 * What is wrong with one operation, as readable strings; `never` when nothing is:
 * - what authchart sends must be what the SDK (and so Cognito's model) accepts: our request is
 *   assignable to the SDK's, and names no member the SDK's lacks;
 * - what the SDK returns, authchart can read: the SDK's response is assignable to ours, and ours
 *   names no member the SDK's lacks.
 */
type Drift<Op extends CognitoOperation> =
  | (CognitoOperations[Op]['input'] extends SdkOperations[Op]['input'] ? never : `${Op}: the SDK does not accept our request`)
  | (SdkOperations[Op]['output'] extends CognitoOperations[Op]['output'] ? never : `${Op}: the SDK's response does not fit ours`)
  | `${Op} request: no ${UnknownMembers<CognitoOperations[Op]['input'], SdkOperations[Op]['input']>} in the SDK`
  | `${Op} response: no ${UnknownMembers<CognitoOperations[Op]['output'], SdkOperations[Op]['output']>} in the SDK`;

type AllDrift = { [Op in CognitoOperation]: Drift<Op> }[CognitoOperation];

test('the wire types match the AWS SDK for every operation, both ways', () => {
  // The same operations on both sides (a new operation in CognitoOperations needs its line above).
  expectTypeOf<keyof SdkOperations>().toEqualTypeOf<CognitoOperation>();
  // Compiles only when nothing drifted; otherwise tsc names each problem, e.g. Property
  // '"InitiateAuth request: no ClientMetdata in the SDK"' is missing in type '{}'.
  const drift: Record<AllDrift, true> = {};
  expect(drift).toEqual({});

  // Enum-like members: the same values as the SDK's unions (a request sends one of them, a
  // response may carry any of them).
  expectTypeOf<wire.AuthFlowType>().toEqualTypeOf<sdk.AuthFlowType>();
  expectTypeOf<wire.ChallengeNameType>().toEqualTypeOf<sdk.ChallengeNameType>();
  expectTypeOf<wire.DeliveryMediumType>().toEqualTypeOf<sdk.DeliveryMediumType>();
  expectTypeOf<wire.VerifySoftwareTokenResponseType>().toEqualTypeOf<sdk.VerifySoftwareTokenResponseType>();
  expectTypeOf<wire.DeviceRememberedStatusType>().toEqualTypeOf<sdk.DeviceRememberedStatusType>();
});
