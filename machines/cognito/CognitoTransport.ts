import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  CompleteWebAuthnRegistrationRequest,
  CompleteWebAuthnRegistrationResponse,
  ConfirmDeviceRequest,
  ConfirmDeviceResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  DeleteUserRequest,
  DeleteUserResponse,
  DeleteWebAuthnCredentialRequest,
  DeleteWebAuthnCredentialResponse,
  ForgetDeviceRequest,
  ForgetDeviceResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
  GetUserRequest,
  GetUserResponse,
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  InitiateAuthRequest,
  InitiateAuthResponse,
  ListDevicesRequest,
  ListDevicesResponse,
  ListWebAuthnCredentialsRequest,
  ListWebAuthnCredentialsResponse,
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  RevokeTokenRequest,
  RevokeTokenResponse,
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
  SignUpRequest,
  SignUpResponse,
  StartWebAuthnRegistrationRequest,
  StartWebAuthnRegistrationResponse,
  UpdateDeviceStatusRequest,
  UpdateDeviceStatusResponse,
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
} from './cognitoWire.js';

/**
 * The Cognito user-pool operations authchart calls, with their request and response JSON
 * (cognitoWire.ts: authchart's own copy of Cognito's shapes, held to the AWS SDK's by a type
 * test, so that the core's declarations need no SDK installed).
 */
export interface CognitoOperations {
  AssociateSoftwareToken: { input: AssociateSoftwareTokenRequest; output: AssociateSoftwareTokenResponse };
  ChangePassword: { input: ChangePasswordRequest; output: ChangePasswordResponse };
  CompleteWebAuthnRegistration: { input: CompleteWebAuthnRegistrationRequest; output: CompleteWebAuthnRegistrationResponse };
  ConfirmDevice: { input: ConfirmDeviceRequest; output: ConfirmDeviceResponse };
  ConfirmForgotPassword: { input: ConfirmForgotPasswordRequest; output: ConfirmForgotPasswordResponse };
  ConfirmSignUp: { input: ConfirmSignUpRequest; output: ConfirmSignUpResponse };
  DeleteUser: { input: DeleteUserRequest; output: DeleteUserResponse };
  DeleteUserAttributes: { input: DeleteUserAttributesRequest; output: DeleteUserAttributesResponse };
  DeleteWebAuthnCredential: { input: DeleteWebAuthnCredentialRequest; output: DeleteWebAuthnCredentialResponse };
  ForgetDevice: { input: ForgetDeviceRequest; output: ForgetDeviceResponse };
  ForgotPassword: { input: ForgotPasswordRequest; output: ForgotPasswordResponse };
  GetTokensFromRefreshToken: { input: GetTokensFromRefreshTokenRequest; output: GetTokensFromRefreshTokenResponse };
  GetUser: { input: GetUserRequest; output: GetUserResponse };
  GetUserAttributeVerificationCode: { input: GetUserAttributeVerificationCodeRequest; output: GetUserAttributeVerificationCodeResponse };
  GlobalSignOut: { input: GlobalSignOutRequest; output: GlobalSignOutResponse };
  InitiateAuth: { input: InitiateAuthRequest; output: InitiateAuthResponse };
  ListDevices: { input: ListDevicesRequest; output: ListDevicesResponse };
  ListWebAuthnCredentials: { input: ListWebAuthnCredentialsRequest; output: ListWebAuthnCredentialsResponse };
  ResendConfirmationCode: { input: ResendConfirmationCodeRequest; output: ResendConfirmationCodeResponse };
  RespondToAuthChallenge: { input: RespondToAuthChallengeRequest; output: RespondToAuthChallengeResponse };
  RevokeToken: { input: RevokeTokenRequest; output: RevokeTokenResponse };
  SetUserMFAPreference: { input: SetUserMFAPreferenceRequest; output: SetUserMFAPreferenceResponse };
  SignUp: { input: SignUpRequest; output: SignUpResponse };
  StartWebAuthnRegistration: { input: StartWebAuthnRegistrationRequest; output: StartWebAuthnRegistrationResponse };
  UpdateDeviceStatus: { input: UpdateDeviceStatusRequest; output: UpdateDeviceStatusResponse };
  UpdateUserAttributes: { input: UpdateUserAttributesRequest; output: UpdateUserAttributesResponse };
  VerifySoftwareToken: { input: VerifySoftwareTokenRequest; output: VerifySoftwareTokenResponse };
  VerifyUserAttribute: { input: VerifyUserAttributeRequest; output: VerifyUserAttributeResponse };
}

export type CognitoOperation = keyof CognitoOperations;

export interface CognitoCallOptions {
  signal?: AbortSignal;
}

/**
 * The port through which the machine talks to Cognito. An implementation sends one request and
 * either resolves with the operation's output or rejects with an `AuthError` made by
 * `mapCognitoError` (so every transport reports failures the same way).
 */
export interface CognitoTransport {
  call<Op extends CognitoOperation>(
    operation: Op,
    input: CognitoOperations[Op]['input'],
    options?: CognitoCallOptions,
  ): Promise<CognitoOperations[Op]['output']>;
}
