import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  CompleteWebAuthnRegistrationRequest,
  CompleteWebAuthnRegistrationResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  DeleteWebAuthnCredentialRequest,
  DeleteWebAuthnCredentialResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  InitiateAuthRequest,
  InitiateAuthResponse,
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
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
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
  ConfirmForgotPassword: { input: ConfirmForgotPasswordRequest; output: ConfirmForgotPasswordResponse };
  ConfirmSignUp: { input: ConfirmSignUpRequest; output: ConfirmSignUpResponse };
  DeleteWebAuthnCredential: { input: DeleteWebAuthnCredentialRequest; output: DeleteWebAuthnCredentialResponse };
  ForgotPassword: { input: ForgotPasswordRequest; output: ForgotPasswordResponse };
  GlobalSignOut: { input: GlobalSignOutRequest; output: GlobalSignOutResponse };
  GetTokensFromRefreshToken: { input: GetTokensFromRefreshTokenRequest; output: GetTokensFromRefreshTokenResponse };
  InitiateAuth: { input: InitiateAuthRequest; output: InitiateAuthResponse };
  ListWebAuthnCredentials: { input: ListWebAuthnCredentialsRequest; output: ListWebAuthnCredentialsResponse };
  ResendConfirmationCode: { input: ResendConfirmationCodeRequest; output: ResendConfirmationCodeResponse };
  RespondToAuthChallenge: { input: RespondToAuthChallengeRequest; output: RespondToAuthChallengeResponse };
  RevokeToken: { input: RevokeTokenRequest; output: RevokeTokenResponse };
  SetUserMFAPreference: { input: SetUserMFAPreferenceRequest; output: SetUserMFAPreferenceResponse };
  SignUp: { input: SignUpRequest; output: SignUpResponse };
  StartWebAuthnRegistration: { input: StartWebAuthnRegistrationRequest; output: StartWebAuthnRegistrationResponse };
  VerifySoftwareToken: { input: VerifySoftwareTokenRequest; output: VerifySoftwareTokenResponse };
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
