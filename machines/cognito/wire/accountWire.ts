// The account's own operations: sign-up, password reset, settings and the user's data (see cognitoWire.ts).
import type { AnalyticsMetadataType, AttributeType, CodeDeliveryDetailsType, DeliveryMediumType, UserContextDataType } from './sessionWire.js';

/** API_SoftwareTokenMfaSettingsType.html; API_SMSMfaSettingsType.html and API_EmailMfaSettingsType.html alike. */
export interface SoftwareTokenMfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}
export type SMSMfaSettingsType = SoftwareTokenMfaSettingsType;
export type EmailMfaSettingsType = SoftwareTokenMfaSettingsType;
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
