// The requests the account settings (createAccountSettings) send for a password change and TOTP
// set-up, what they make of Cognito's answers, and what they refuse before any request.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountSettings } from '../../../machines/account/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { signedInAuth } from '../../support/signedInAuth.js';

const SECRET = 'JBSWY3DPEHPK3PXPREQUESTS';

/** Signed in, with settings beside the auth; `cognito` scripts the settings' requests. */
async function signedIn(cognito: FakeCognito) {
  const { auth } = await signedInAuth({ cognito });
  const settings = createAccountSettings(auth);
  onTestFinished(() => settings.stop());
  return { settings, accessToken: auth.actor.getSnapshot().context.session!.tokens.accessToken };
}

describe('password change', () => {
  it.each([
    ['no current password', { previousPassword: '', proposedPassword: 'new-pw' }, 'Enter your current password.'],
    ['no new password', { previousPassword: 'pw', proposedPassword: '' }, 'Enter a new password.'],
  ])('sends nothing for %s', async (_, passwords, message) => {
    const cognito = new FakeCognito().on('ChangePassword', () => ({}));
    const { settings } = await signedIn(cognito);
    await expect(settings.changePassword(passwords)).rejects.toMatchObject({ code: 'invalidRequest', message });
    expect(cognito.callsOf('ChangePassword')).toEqual([]);
  });
});

describe('TOTP set-up', () => {
  it("AssociateSoftwareToken is sent with the user's access token", async () => {
    const cognito = new FakeCognito().on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }));
    const { settings, accessToken } = await signedIn(cognito);
    expect((await settings.setUpTotp()).secretCode).toBe(SECRET);
    expect(cognito.callsOf('AssociateSoftwareToken').map((call) => call.input)).toEqual([{ AccessToken: accessToken }]);
  });

  it('an answer without a secret is refused as invalidResponse; no set-up is left waiting for a code', async () => {
    const cognito = new FakeCognito().on('AssociateSoftwareToken', () => ({}));
    const { settings } = await signedIn(cognito);
    await expect(settings.setUpTotp()).rejects.toMatchObject({ code: 'invalidResponse', message: expect.stringContaining('no TOTP secret') });
    expect(settings.actor.getSnapshot().value).toBe('idle');
    expect(settings.actor.getSnapshot().context.totpSetup).toBeNull();
  });

  it('a verification Cognito does not answer with SUCCESS is a wrong code: TOTP is not made preferred, the secret stays for the next try', async () => {
    const cognito = new FakeCognito()
      .on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }))
      .on('VerifySoftwareToken', () => ({ Status: 'ERROR' }))
      .on('SetUserMFAPreference', () => ({}));
    const { settings } = await signedIn(cognito);
    await settings.setUpTotp();
    await expect(settings.verifyTotp('123456')).rejects.toMatchObject({ code: 'codeMismatch', message: expect.stringContaining('code is not right') });
    expect(cognito.callsOf('SetUserMFAPreference')).toEqual([]);
    expect(settings.actor.getSnapshot().value).toBe('awaitingTotpCode');
    expect(settings.actor.getSnapshot().context.totpSetup?.secretCode).toBe(SECRET);
  });

  it('cancel leaves the set-up and forgets its secret', async () => {
    const cognito = new FakeCognito().on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }));
    const { settings } = await signedIn(cognito);
    await settings.setUpTotp();
    settings.cancel();
    expect(settings.actor.getSnapshot().value).toBe('idle');
    expect(settings.actor.getSnapshot().context.totpSetup).toBeNull();
  });
});
