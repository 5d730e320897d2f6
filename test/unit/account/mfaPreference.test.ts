// setMfaPreference (createAccountSettings) for SMS, email and TOTP: the SetUserMFAPreference it
// sends for each way of asking, and what it refuses before any request.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountSettings, type MfaPreference } from '../../../machines/account/index.js';
import { AuthError } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { signedInAuth } from '../../support/signedInAuth.js';

async function signedIn() {
  const { auth, cognito } = await signedInAuth({ cognito: new FakeCognito().on('SetUserMFAPreference', () => ({})) });
  const settings = createAccountSettings(auth);
  onTestFinished(() => settings.stop());
  return { cognito, settings, accessToken: auth.actor.getSnapshot().context.session!.tokens.accessToken };
}

const on = (preferred: boolean) => ({ Enabled: true, PreferredMfa: preferred });
const off = { Enabled: false, PreferredMfa: false };

describe('setMfaPreference', () => {
  it.each<[string, MfaPreference, object]>([
    // What the TOTP settings have always sent.
    ['TOTP on (it becomes preferred)', { totp: true }, { SoftwareTokenMfaSettings: on(true) }],
    ['TOTP off', { totp: false }, { SoftwareTokenMfaSettings: off }],
    ['SMS on (it becomes preferred)', { sms: true }, { SMSMfaSettings: on(true) }],
    ['email on (it becomes preferred)', { email: true }, { EmailMfaSettings: on(true) }],
    [
      'SMS and TOTP on, TOTP preferred; email off',
      { sms: true, totp: true, email: false, preferred: 'totp' },
      { SMSMfaSettings: on(false), EmailMfaSettings: off, SoftwareTokenMfaSettings: on(true) },
    ],
    ['email preferred (it is on by being preferred), the rest left as they are', { preferred: 'email' }, { EmailMfaSettings: on(true) }],
    ['SMS off, email preferred', { sms: false, preferred: 'email' }, { SMSMfaSettings: off, EmailMfaSettings: on(true) }],
    ['all off', { sms: false, email: false, totp: false }, { SMSMfaSettings: off, EmailMfaSettings: off, SoftwareTokenMfaSettings: off }],
  ])('%s', async (_, preference, sent) => {
    const { cognito, settings, accessToken } = await signedIn();
    await settings.setMfaPreference(preference);
    expect(cognito.callsOf('SetUserMFAPreference').map((call) => call.input)).toEqual([{ AccessToken: accessToken, ...sent }]);
    expect(settings.actor.getSnapshot().context.notice).toBe('mfaPreferenceSaved');
  });

  it.each<[string, MfaPreference, string]>([
    ['nothing to change', {}, 'Choose which sign-in codes to turn on or off.'],
    ['two turned on, none preferred', { sms: true, email: true }, 'Choose which of the methods turned on sign-in asks for first.'],
    ['a preferred method turned off', { totp: false, preferred: 'totp' }, 'A method that is turned off cannot be the preferred one.'],
    ['an unknown preferred method', { preferred: 'voice' as never }, 'The preferred method must be sms, email or totp.'],
    ['a setting that is not true or false', { sms: 'yes' as never }, 'Turn sms codes on or off with true or false.'],
  ])('sends nothing for %s', async (_, preference, message) => {
    const { cognito, settings } = await signedIn();
    const error = await settings.setMfaPreference(preference).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'invalidRequest', message });
    expect(cognito.callsOf('SetUserMFAPreference')).toEqual([]);
  });
});
