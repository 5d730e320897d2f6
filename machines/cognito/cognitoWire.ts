/**
 * Cognito's request and response JSON for the user-pool operations authchart calls, as the API
 * reference names and nests it: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_<Operation>.html
 * (e.g. API_InitiateAuth.html). authchart's own copy, so that the core's declarations name no
 * optional peer: an app without the AWS SDK installed type-checks with `skipLibCheck` off.
 * test/unit/cognito/cognitoWire.types.test.ts holds these to the SDK's generated types both ways.
 * One file per area under wire/, gathered here.
 *
 * Requests are what authchart sends: required members are required. Responses are what it reads:
 * every member may be missing (emulators omit some, e.g. `ExpiresIn`) and is read defensively, so
 * each is `?: T | undefined` (as the SDK writes them, so that SDK outputs fit under
 * `exactOptionalPropertyTypes` too). Enum-like members are the SDK's unions, so the two stay
 * interchangeable without casts; Cognito may add values, which the code treats as unknown.
 */
export type {
  AuthFlowType,
  ChallengeNameType,
  DeliveryMediumType,
  VerifySoftwareTokenResponseType,
  AnalyticsMetadataType,
  UserContextDataType,
  AttributeType,
  NewDeviceMetadataType,
  AuthenticationResultType,
  CodeDeliveryDetailsType,
  InitiateAuthRequest,
  InitiateAuthResponse,
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  RevokeTokenRequest,
  RevokeTokenResponse,
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from './wire/sessionWire.js';
export type {
  SoftwareTokenMfaSettingsType,
  SMSMfaSettingsType,
  EmailMfaSettingsType,
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  SignUpRequest,
  SignUpResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  MFAOptionType,
  GetUserRequest,
  GetUserResponse,
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  DeleteUserRequest,
  DeleteUserResponse,
} from './wire/accountWire.js';
export type {
  DocumentType,
  StartWebAuthnRegistrationRequest,
  StartWebAuthnRegistrationResponse,
  CompleteWebAuthnRegistrationRequest,
  CompleteWebAuthnRegistrationResponse,
  ListWebAuthnCredentialsRequest,
  WebAuthnCredentialDescription,
  ListWebAuthnCredentialsResponse,
  DeleteWebAuthnCredentialRequest,
  DeleteWebAuthnCredentialResponse,
} from './wire/passkeyWire.js';
export type {
  DeviceSecretVerifierConfigType,
  ConfirmDeviceRequest,
  ConfirmDeviceResponse,
  DeviceRememberedStatusType,
  UpdateDeviceStatusRequest,
  UpdateDeviceStatusResponse,
  ForgetDeviceRequest,
  ForgetDeviceResponse,
  ListDevicesRequest,
  DeviceType,
  ListDevicesResponse,
} from './wire/deviceWire.js';
