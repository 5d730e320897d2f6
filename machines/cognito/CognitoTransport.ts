import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  InitiateAuthRequest,
  InitiateAuthResponse,
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
  ConfirmForgotPassword: { input: ConfirmForgotPasswordRequest; output: ConfirmForgotPasswordResponse };
  ConfirmSignUp: { input: ConfirmSignUpRequest; output: ConfirmSignUpResponse };
  ForgotPassword: { input: ForgotPasswordRequest; output: ForgotPasswordResponse };
  GlobalSignOut: { input: GlobalSignOutRequest; output: GlobalSignOutResponse };
  GetTokensFromRefreshToken: { input: GetTokensFromRefreshTokenRequest; output: GetTokensFromRefreshTokenResponse };
  InitiateAuth: { input: InitiateAuthRequest; output: InitiateAuthResponse };
  ResendConfirmationCode: { input: ResendConfirmationCodeRequest; output: ResendConfirmationCodeResponse };
  RespondToAuthChallenge: { input: RespondToAuthChallengeRequest; output: RespondToAuthChallengeResponse };
  RevokeToken: { input: RevokeTokenRequest; output: RevokeTokenResponse };
  SetUserMFAPreference: { input: SetUserMFAPreferenceRequest; output: SetUserMFAPreferenceResponse };
  SignUp: { input: SignUpRequest; output: SignUpResponse };
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
