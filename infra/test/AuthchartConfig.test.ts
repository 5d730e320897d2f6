// The options, as `-c key=value` gives them (strings) or cdk.json (JSON values), and the
// combinations Cognito would refuse at deploy time, refused at synth time instead.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../lib/AuthchartConfig.js';

const read = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('readConfig', () => {
  it('offers the local dev server as a managed-login return only on the dev stage', () => {
    expect(read({ stage: 'prod' })).toMatchObject({ callbackUrls: [], signOutUrls: [] });
    expect(read({ stage: 'prod', callbackUrls: 'https://app.example/sign-in' })).toMatchObject({ callbackUrls: ['https://app.example/sign-in'] });
  });

  it('takes a code by email as a way in only with choice-based sign-in and SES', () => {
    expect(() => read({ emailCodeSignIn: 'true' })).toThrow(/emailCodeSignIn/);
    expect(() => read({ choiceBased: 'true', emailCodeSignIn: 'true' })).toThrow(/sesFromEmail/);
    expect(read({ choiceBased: 'true', emailCodeSignIn: 'true', sesFromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' }).emailCodeSignIn).toBe(true);
  });

  it('has defaults a first deploy can use', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      callbackUrls: ['http://localhost:5173/sign-in'],
      signOutUrls: ['http://localhost:5173/'],
      passwordAuth: false,
      customAuth: false,
      choiceBased: false,
      passkeyRelyingPartyId: undefined,
      emailCodeSignIn: false,
      mfa: 'optional',
      mfaFactors: { totp: true, sms: false, email: false },
      sesFromEmail: undefined,
      sesRegion: undefined,
      deviceTracking: false,
      hostedUi: false,
      domainPrefix: undefined,
      selfSignUp: true,
      tokenMinutes: 60,
      corsOrigin: undefined,
    });
  });

  it('reads command-line strings and cdk.json values alike', () => {
    const fromCli = read({ passwordAuth: 'true', mfaFactors: 'totp, sms', callbackUrls: 'https://a.example/sign-in,https://b.example/sign-in', tokenMinutes: '5' });
    const fromJson = read({ passwordAuth: true, mfaFactors: ['totp', 'sms'], callbackUrls: ['https://a.example/sign-in', 'https://b.example/sign-in'], tokenMinutes: 5 });
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({ passwordAuth: true, mfaFactors: { totp: true, sms: true, email: false }, tokenMinutes: 5 });
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ stage: 'Prod' }, /stage/],
    [{ passwordAuth: 'yes' }, /passwordAuth: expected true or false/],
    [{ mfa: 'sometimes' }, /mfa: expected one of off, optional, required/],
    [{ mfaFactors: 'totp,voice' }, /mfaFactors.*voice/],
    [{ mfa: 'required', mfaFactors: '' }, /mfaFactors: expected at least one factor/],
    [{ mfaFactors: 'email' }, /sesFromEmail/],
    [{ sesFromEmail: 'no-reply@example.com' }, /sesRegion/],
    [{ passkeyRelyingPartyId: 'app.example.com' }, /passkeyRelyingPartyId: expected set only with choiceBased/],
    [{ hostedUi: 'true' }, /domainPrefix: expected required/],
    [{ hostedUi: 'true', domainPrefix: 'my-cognito-app' }, /domainPrefix.*cognito/],
    [{ hostedUi: 'true', domainPrefix: 'My_App' }, /domainPrefix/],
    [{ tokenMinutes: '2' }, /tokenMinutes/],
    [{ corsOrigin: 'https://app.example.com/' }, /corsOrigin/],
  ])('refuses %j', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });
});
