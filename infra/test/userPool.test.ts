// The user pool: what each feature flag changes (the README's table), and what stays fixed.
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { onlyResource, synthStack, synthTemplate } from './support/synthTemplate.js';

const POOL = 'AWS::Cognito::UserPool';
const SES = { sesFromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' };

function pool(context: Record<string, string> = {}): Record<string, unknown> {
  return onlyResource(synthTemplate(context), POOL);
}

describe('the pool by default', () => {
  const defaults = pool();

  it('signs in by username or email, case-insensitively, with a verified email', () => {
    expect(defaults).toMatchObject({
      AliasAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'email', Required: true, Mutable: true }],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
  });

  it('has a strong password policy and recovery by email only', () => {
    expect(defaults['Policies']).toMatchObject({
      PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
    });
    expect(defaults['AccountRecoverySetting']).toEqual({ RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] });
  });

  it('offers TOTP MFA, on the Lite tier, without device tracking, passkeys or a domain', () => {
    expect(defaults).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'], UserPoolTier: 'LITE' });
    expect(defaults['DeviceConfiguration']).toBeUndefined();
    expect(defaults['WebAuthnRelyingPartyID']).toBeUndefined();
    expect((defaults['Policies'] as Record<string, unknown>)['SignInPolicy']).toBeUndefined();
    synthTemplate().resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });
});

describe('feature flags', () => {
  it('mfa=off: no MFA', () => {
    const off = pool({ mfa: 'off' });
    expect(off['MfaConfiguration']).toBe('OFF');
    expect(off['EnabledMfas']).toBeUndefined();
  });

  it('mfa=required, mfaFactors=totp,sms: both factors, required, with the SMS role', () => {
    const template = synthTemplate({ mfa: 'required', mfaFactors: 'totp,sms' });
    const required = onlyResource(template, POOL);
    expect(required['MfaConfiguration']).toBe('ON');
    expect([...(required['EnabledMfas'] as string[])].sort()).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(required['SmsConfiguration']).toMatchObject({ SnsCallerArn: { 'Fn::GetAtt': [expect.stringMatching(/smsRole/), 'Arn'] } });
  });

  it('mfaFactors=email (with an SES sender): email codes, from SES, on the Essentials tier', () => {
    const email = pool({ mfaFactors: 'email', ...SES });
    expect(email).toMatchObject({ EnabledMfas: ['EMAIL_OTP'], UserPoolTier: 'ESSENTIALS' });
    expect(email['EmailConfiguration']).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: SES.sesFromEmail });
  });

  it('deviceTracking=true: devices tracked, remembered when the user agrees (authchart/devices confirms and proves them)', () => {
    const stack = synthStack({ deviceTracking: 'true' });
    expect(onlyResource(Template.fromStack(stack), POOL)['DeviceConfiguration']).toEqual({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    });
    Annotations.fromStack(stack).hasNoWarning('/Test/Auth', Match.anyValue());
    Template.fromStack(stack).hasOutput('Devices', { Value: 'remembered' });
  });

  it('choiceBased=true: the Essentials tier and passwords as the first factor', () => {
    const choice = pool({ choiceBased: 'true' });
    expect(choice['UserPoolTier']).toBe('ESSENTIALS');
    expect((choice['Policies'] as Record<string, unknown>)['SignInPolicy']).toEqual({ AllowedFirstAuthFactors: ['PASSWORD'] });
    expect(choice['WebAuthnRelyingPartyID']).toBeUndefined();
  });

  it('choiceBased=true with passkeyRelyingPartyId: passkeys too, for that relying party', () => {
    const passkeys = pool({ choiceBased: 'true', passkeyRelyingPartyId: 'app.example.com' });
    expect((passkeys['Policies'] as Record<string, unknown>)['SignInPolicy']).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] });
    expect(passkeys).toMatchObject({ WebAuthnRelyingPartyID: 'app.example.com', WebAuthnUserVerification: 'preferred' });
  });

  it('emailCodeSignIn=true: a code by email as a first factor too', () => {
    const codes = pool({ choiceBased: 'true', emailCodeSignIn: 'true', ...SES });
    expect((codes['Policies'] as Record<string, unknown>)['SignInPolicy']).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
  });

  it('selfSignUp=false: only administrators create users', () => {
    expect(pool({ selfSignUp: 'false' })['AdminCreateUserConfig']).toEqual({ AllowAdminCreateUserOnly: true });
  });

  it('hostedUi=true: the managed-login domain, a style for the client, and OAuth code flow with the app’s URLs', () => {
    const template = synthTemplate({ hostedUi: 'true', domainPrefix: 'authchart-test-1', callbackUrls: 'http://localhost:5173/sign-in' });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'authchart-test-1', ManagedLoginVersion: 2 });
    template.hasResource('AWS::Cognito::ManagedLoginBranding', {
      Properties: { UseCognitoProvidedValues: true, ClientId: { Ref: Match.stringLikeRegexp('AppClient') } },
      DependsOn: [Match.stringLikeRegexp('Domain')],
    });
    const client = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    expect(client).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    const distributionUrl = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('Distribution'), 'DomainName'] }, path]],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [distributionUrl('/sign-in'), 'http://localhost:5173/sign-in'],
      LogoutURLs: [distributionUrl('/'), 'http://localhost:5173/'],
    });
  });
});
