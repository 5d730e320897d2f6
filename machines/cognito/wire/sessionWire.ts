// Sign-in, refresh and sign-out, with the shapes the other areas share (see cognitoWire.ts).

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
