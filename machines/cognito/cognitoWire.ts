/**
 * Cognito's request and response JSON for the user-pool operations authchart calls, as the API
 * reference names and nests it: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_<Operation>.html
 * (e.g. API_InitiateAuth.html). authchart's own copy, so that the core's declarations name no
 * optional peer: an app without the AWS SDK installed type-checks with `skipLibCheck` off.
 * test/unit/cognito/cognitoWire.types.test.ts holds these to the SDK's generated types both ways.
 *
 * Requests are what authchart sends: required members are required. Responses are what it reads:
 * every member may be missing (emulators omit some, e.g. `ExpiresIn`) and is read defensively, so
 * each is `?: T | undefined` (as the SDK writes them, so that SDK outputs fit under
 * `exactOptionalPropertyTypes` too). Enum-like members are the SDK's unions, so the two stay
 * interchangeable without casts; Cognito may add values, which the code treats as unknown.
 */

/** API_InitiateAuth.html#CognitoUserPools-InitiateAuth-request-AuthFlow */
export type AuthFlowType =
  | 'USER_SRP_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'USER_AUTH'
  | 'CUSTOM_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'REFRESH_TOKEN'
  | 'ADMIN_NO_SRP_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH';

/** API_InitiateAuth.html#CognitoUserPools-InitiateAuth-response-ChallengeName (asked and answered). */
export type ChallengeNameType =
  | 'SMS_MFA'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_OTP'
  | 'PASSWORD'
  | 'WEB_AUTHN'
  | 'PASSWORD_SRP';

/** API_CodeDeliveryDetailsType.html */
export type DeliveryMediumType = 'SMS' | 'EMAIL';

/** API_VerifySoftwareToken.html#CognitoUserPools-VerifySoftwareToken-response-Status */
export type VerifySoftwareTokenResponseType = 'SUCCESS' | 'ERROR';

/** API_AnalyticsMetadataType.html */
export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: string;
}

/** API_UserContextDataType.html: the device fingerprint for threat protection. */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** API_AttributeType.html: a user attribute such as `email`. */
export interface AttributeType {
  Name: string;
  Value?: string;
}

/** API_NewDeviceMetadataType.html: a device to remember, after a sign-in with device tracking. */
export interface NewDeviceMetadataType {
  DeviceKey?: string | undefined;
  DeviceGroupKey?: string | undefined;
}

/** API_AuthenticationResultType.html: the tokens. Expiry comes from the JWT `exp`, never `ExpiresIn`. */
export interface AuthenticationResultType {
  AccessToken?: string | undefined;
  ExpiresIn?: number | undefined;
  TokenType?: string | undefined;
  RefreshToken?: string | undefined;
  IdToken?: string | undefined;
  NewDeviceMetadata?: NewDeviceMetadataType | undefined;
}

/** API_CodeDeliveryDetailsType.html: where Cognito sent a code (a masked destination). */
export interface CodeDeliveryDetailsType {
  Destination?: string | undefined;
  DeliveryMedium?: DeliveryMediumType | undefined;
  AttributeName?: string | undefined;
}

/** API_SoftwareTokenMfaSettingsType.html; API_SMSMfaSettingsType.html and API_EmailMfaSettingsType.html alike. */
export interface SoftwareTokenMfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}
export type SMSMfaSettingsType = SoftwareTokenMfaSettingsType;
export type EmailMfaSettingsType = SoftwareTokenMfaSettingsType;

/** API_InitiateAuth.html */
export interface InitiateAuthRequest {
  AuthFlow: AuthFlowType;
  ClientId: string;
  /** USERNAME, PASSWORD, SRP_A, REFRESH_TOKEN, SECRET_HASH, DEVICE_KEY, PREFERRED_CHALLENGE… */
  AuthParameters?: Record<string, string>;
  ClientMetadata?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  Session?: string;
}

export interface InitiateAuthResponse {
  ChallengeName?: ChallengeNameType | undefined;
  Session?: string | undefined;
  ChallengeParameters?: Record<string, string> | undefined;
  AuthenticationResult?: AuthenticationResultType | undefined;
  /** USER_AUTH: the first factors the user may choose from. */
  AvailableChallenges?: ChallengeNameType[] | undefined;
}

/** API_RespondToAuthChallenge.html */
export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeNameType;
  Session?: string;
  /** USERNAME and the answer: NEW_PASSWORD, SMS_MFA_CODE, SOFTWARE_TOKEN_MFA_CODE, ANSWER… */
  ChallengeResponses?: Record<string, string>;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

export interface RespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType | undefined;
  Session?: string | undefined;
  ChallengeParameters?: Record<string, string> | undefined;
  AuthenticationResult?: AuthenticationResultType | undefined;
}

/** API_GetTokensFromRefreshToken.html */
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  ClientSecret?: string;
  DeviceKey?: string;
  ClientMetadata?: Record<string, string>;
}

export interface GetTokensFromRefreshTokenResponse {
  /** With refresh-token rotation, a new RefreshToken too. */
  AuthenticationResult?: AuthenticationResultType | undefined;
}

/** API_RevokeToken.html */
export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
  ClientSecret?: string;
}

/** Cognito answers `{}`. */
export type RevokeTokenResponse = Record<never, never>;

/** API_GlobalSignOut.html */
export interface GlobalSignOutRequest {
  AccessToken: string;
}

/** Cognito answers `{}`. */
export type GlobalSignOutResponse = Record<never, never>;

/** API_AssociateSoftwareToken.html: with the access token (settings) or a challenge session (MFA_SETUP). */
export interface AssociateSoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
}

export interface AssociateSoftwareTokenResponse {
  SecretCode?: string | undefined;
  Session?: string | undefined;
}

/** API_VerifySoftwareToken.html */
export interface VerifySoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

export interface VerifySoftwareTokenResponse {
  Status?: VerifySoftwareTokenResponseType | undefined;
  Session?: string | undefined;
}

/** API_SetUserMFAPreference.html */
export interface SetUserMFAPreferenceRequest {
  AccessToken: string;
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  EmailMfaSettings?: EmailMfaSettingsType;
}

/** Cognito answers `{}`. */
export type SetUserMFAPreferenceResponse = Record<never, never>;

/** API_ChangePassword.html: PreviousPassword may be left out only by a user without a password. */
export interface ChangePasswordRequest {
  AccessToken: string;
  PreviousPassword?: string;
  ProposedPassword: string;
}

/** Cognito answers `{}`. */
export type ChangePasswordResponse = Record<never, never>;

/** API_SignUp.html */
export interface SignUpRequest {
  ClientId: string;
  Username: string;
  Password?: string;
  UserAttributes?: AttributeType[];
  ValidationData?: AttributeType[];
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

export interface SignUpResponse {
  /** Documented as always present; read as `=== true`. */
  UserConfirmed?: boolean | undefined;
  UserSub?: string | undefined;
  CodeDeliveryDetails?: CodeDeliveryDetailsType | undefined;
  Session?: string | undefined;
}

/** API_ConfirmSignUp.html */
export interface ConfirmSignUpRequest {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  ForceAliasCreation?: boolean;
  Session?: string;
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

export interface ConfirmSignUpResponse {
  /** For a sign-in right after confirmation (USER_AUTH). */
  Session?: string | undefined;
}

/** API_ResendConfirmationCode.html */
export interface ResendConfirmationCodeRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType | undefined;
}

/** API_ForgotPassword.html */
export interface ForgotPasswordRequest {
  ClientId: string;
  Username: string;
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType | undefined;
}

/** API_ConfirmForgotPassword.html */
export interface ConfirmForgotPasswordRequest {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  SecretHash?: string;
  AnalyticsMetadata?: AnalyticsMetadataType;
  UserContextData?: UserContextDataType;
  ClientMetadata?: Record<string, string>;
}

/** Cognito answers `{}`. */
export type ConfirmForgotPasswordResponse = Record<never, never>;

/**
 * A JSON document as Cognito carries it in WebAuthn operations (the SDK's `DocumentType`): the
 * W3C's PublicKeyCredentialCreationOptionsJSON and RegistrationResponseJSON, for instance.
 */
export type DocumentType = null | boolean | number | string | DocumentType[] | { [prop: string]: DocumentType };

/** API_StartWebAuthnRegistration.html */
export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}

export interface StartWebAuthnRegistrationResponse {
  /** PublicKeyCredentialCreationOptionsJSON (binary members base64url-encoded). */
  CredentialCreationOptions?: DocumentType | undefined;
}

/** API_CompleteWebAuthnRegistration.html */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  /** RegistrationResponseJSON: the authenticator's answer to the creation options. */
  Credential: DocumentType;
}

export type CompleteWebAuthnRegistrationResponse = Record<never, never>;

/** API_ListWebAuthnCredentials.html */
export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  NextToken?: string;
  MaxResults?: number;
}

/** API_WebAuthnCredentialDescription.html */
export interface WebAuthnCredentialDescription {
  CredentialId?: string | undefined;
  FriendlyCredentialName?: string | undefined;
  RelyingPartyId?: string | undefined;
  AuthenticatorAttachment?: string | undefined;
  AuthenticatorTransports?: string[] | undefined;
  /** Seconds since the epoch on the wire (the fetch transport); a Date from the SDK transport. */
  CreatedAt?: Date | number | undefined;
}

export interface ListWebAuthnCredentialsResponse {
  Credentials?: WebAuthnCredentialDescription[] | undefined;
  NextToken?: string | undefined;
}

/** API_DeleteWebAuthnCredential.html */
export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}

export type DeleteWebAuthnCredentialResponse = Record<never, never>;

/** API_DeviceSecretVerifierConfigType.html: the device's SRP verifier and salt, base64. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

/** API_ConfirmDevice.html: remember the device Cognito named in NewDeviceMetadata. */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

export interface ConfirmDeviceResponse {
  /** True on pools where the user opts in: the device is tracked, remembered only by UpdateDeviceStatus. */
  UserConfirmationNecessary?: boolean | undefined;
}

/** API_UpdateDeviceStatus.html#CognitoUserPools-UpdateDeviceStatus-request-DeviceRememberedStatus */
export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';

/** API_UpdateDeviceStatus.html */
export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}

export type UpdateDeviceStatusResponse = Record<never, never>;

/** API_ForgetDevice.html */
export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}

export type ForgetDeviceResponse = Record<never, never>;

/** API_ListDevices.html */
export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}

/** API_DeviceType.html: dates are seconds since the epoch on the wire, Dates from the SDK. */
export interface DeviceType {
  DeviceKey?: string | undefined;
  /** `device_name`, `device_status` (`valid`), `dev:device_remembered_status`, `last_ip_used`… */
  DeviceAttributes?: { Name: string | undefined; Value?: string | undefined }[] | undefined;
  DeviceCreateDate?: Date | number | undefined;
  DeviceLastModifiedDate?: Date | number | undefined;
  DeviceLastAuthenticatedDate?: Date | number | undefined;
}

export interface ListDevicesResponse {
  Devices?: DeviceType[] | undefined;
  PaginationToken?: string | undefined;
}

/** API_MFAOptionType.html (legacy SMS settings). */
export interface MFAOptionType {
  DeliveryMedium?: DeliveryMediumType | undefined;
  AttributeName?: string | undefined;
}

/** API_GetUser.html */
export interface GetUserRequest {
  AccessToken: string;
}

export interface GetUserResponse {
  Username?: string | undefined;
  UserAttributes?: { Name: string | undefined; Value?: string | undefined }[] | undefined;
  MFAOptions?: MFAOptionType[] | undefined;
  /** `SMS_MFA`, `SOFTWARE_TOKEN_MFA` or `EMAIL_OTP`. */
  PreferredMfaSetting?: string | undefined;
  UserMFASettingList?: string[] | undefined;
}

/** API_UpdateUserAttributes.html */
export interface UpdateUserAttributesRequest {
  UserAttributes: AttributeType[];
  AccessToken: string;
  ClientMetadata?: Record<string, string>;
}

export interface UpdateUserAttributesResponse {
  /** One entry per attribute that needs verifying (a changed email or phone number). */
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[] | undefined;
}

/** API_GetUserAttributeVerificationCode.html */
export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  ClientMetadata?: Record<string, string>;
}

export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType | undefined;
}

/** API_VerifyUserAttribute.html */
export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}

export type VerifyUserAttributeResponse = Record<never, never>;

/** API_DeleteUserAttributes.html */
export interface DeleteUserAttributesRequest {
  UserAttributeNames: string[];
  AccessToken: string;
}

export type DeleteUserAttributesResponse = Record<never, never>;

/** API_DeleteUser.html */
export interface DeleteUserRequest {
  AccessToken: string;
}

export type DeleteUserResponse = Record<never, never>;
