/**
 * Length and pattern constraints from Cognito's published Smithy model
 * (aws/aws-sdk-js-v3, codegen/sdk-codegen/aws-models/cognito-identity-provider.json, commit
 * 0189ee3ad9493759adb4be3983dcd0f21cd7350a), copied by hand for the shapes authchart sends.
 * Neither installed package carries them: the SDK v3 schema drops constraints, and the `aws-sdk`
 * v2 model in node_modules is the minified one (no min, max, pattern or enum). Only shapes read
 * from that file are listed; the ones not verified there (SessionType, TokenModelType,
 * PasswordType, SoftwareTokenMFAUserCodeType) are left out rather than guessed.
 *
 * Smithy patterns are anchored here (`^…$`), so a value must match whole, as Cognito checks it.
 */
export interface StringConstraint {
  min?: number;
  max?: number;
  pattern?: string;
}

export const SHAPE_CONSTRAINTS: Readonly<Record<string, StringConstraint>> = {
  ClientIdType: { min: 1, max: 128, pattern: '^[\\w+]+$' },
  ClientSecretType: { min: 1, max: 64, pattern: '^[\\w+]+$' },
  ConfirmationCodeType: { min: 1, max: 2048, pattern: '^[\\S]+$' },
  UsernameType: { min: 1, max: 128, pattern: '^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$' },
  UserPoolIdType: { min: 1, max: 55, pattern: '^[\\w-]+_[0-9a-zA-Z]+$' },
};

/**
 * Members whose target shape the SDK schema does not name (it names only shapes with traits,
 * e.g. the sensitive ClientIdType): `Structure.Member` → shape, as in the published model.
 */
export const MEMBER_SHAPES: Readonly<Record<string, string>> = {
  'ConfirmSignUpRequest.ConfirmationCode': 'ConfirmationCodeType',
  'ConfirmForgotPasswordRequest.ConfirmationCode': 'ConfirmationCodeType',
};
