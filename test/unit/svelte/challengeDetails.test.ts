import { describe, expect, it } from 'vitest';
import {
  attributeInput,
  attributeLabel,
  codeSentText,
  mfaChoices,
  mfaCodeDigits,
  mfaCodePrompt,
  parseList,
  requiredAttributes,
} from '../../../src/lib/forms/index.js';

describe('challenge details', () => {
  it("reads Cognito's list parameters leniently", () => {
    expect(parseList('["SMS_MFA","SOFTWARE_TOKEN_MFA"]')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(parseList('[]')).toEqual([]);
    expect(parseList(undefined)).toEqual([]);
    expect(parseList('SMS_MFA, SOFTWARE_TOKEN_MFA')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(parseList('[SMS_MFA]')).toEqual(['SMS_MFA']);
  });

  it('offers only the MFA methods it knows, in Cognito order', () => {
    expect(mfaChoices({ MFAS_CAN_CHOOSE: '["SOFTWARE_TOKEN_MFA","SMS_MFA","WEBAUTHN"]' })).toEqual(['SOFTWARE_TOKEN_MFA', 'SMS_MFA']);
    expect(mfaChoices({})).toEqual([]);
  });

  it('lists required attributes without the userAttributes. prefix, with labels and input types', () => {
    expect(requiredAttributes({ requiredAttributes: '["userAttributes.email","userAttributes.given_name","email"]' })).toEqual([
      'email',
      'given_name',
    ]);
    expect(requiredAttributes({ requiredAttributes: '[]' })).toEqual([]);
    expect(attributeLabel('email')).toBe('Email address');
    expect(attributeLabel('given_name')).toBe('First name');
    expect(attributeLabel('custom:team_name')).toBe('Team name');
    expect(attributeInput('email')).toEqual({ type: 'email', autocomplete: 'email' });
    expect(attributeInput('phone_number').type).toBe('tel');
    expect(attributeInput('custom:team').type).toBe('text');
  });

  it('says where a code went, as precisely as Cognito told', () => {
    expect(codeSentText({ medium: 'EMAIL', destination: 'd***@e***' }, 'a confirmation code')).toBe(
      'We sent a confirmation code by email to d***@e***.',
    );
    expect(codeSentText({ medium: 'SMS', destination: '+*******1234' })).toBe('We sent a code by text message to +*******1234.');
    expect(codeSentText({ medium: undefined, destination: undefined })).toBe('We sent a code.');
    expect(codeSentText(null)).toBe('We sent a code.');
  });

  it('prompts for each kind of MFA code', () => {
    expect(mfaCodePrompt({ name: 'SOFTWARE_TOKEN_MFA', parameters: {} })).toBe('Enter the 6-digit code from your authenticator app.');
    expect(mfaCodePrompt({ name: 'SMS_MFA', parameters: { CODE_DELIVERY_DESTINATION: '+*******1234' } })).toBe(
      'We sent a sign-in code by text message to +*******1234. Enter it below.',
    );
    expect(
      mfaCodePrompt({ name: 'EMAIL_OTP', parameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' } }),
    ).toBe('We sent a sign-in code by email to d***@e***. Enter it below.');
    expect(mfaCodeDigits('EMAIL_OTP')).toEqual({ min: 6, max: 8 });
    expect(mfaCodeDigits('SMS_MFA')).toEqual({ min: 6, max: 6 });
  });
});
