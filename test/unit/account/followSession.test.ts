// The account settings follow the auth's session (followSession): a sign-out ends the user's
// settings as it begins, while the tokens are still being revoked, not once Cognito answers.
import { waitFor } from 'xstate';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccountSettings } from '../../../machines/account/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { signedInAuth } from '../../support/signedInAuth.js';

describe('followSession', () => {
  it('the TOTP secret is forgotten as sign-out begins, before the revoke is answered', async () => {
    let answerRevoke: () => void = () => {};
    const cognito = new FakeCognito()
      .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('RevokeToken', () => new Promise((resolve) => (answerRevoke = () => resolve({}))));
    const { auth } = await signedInAuth({ cognito });
    const settings = createAccountSettings(auth);
    onTestFinished(() => settings.stop());
    await settings.setUpTotp();

    const signOut = auth.signOut();
    await waitFor(auth.actor, (s) => s.matches('signingOut'));
    expect(cognito.callsOf('RevokeToken')).toHaveLength(1);
    expect(settings.actor.getSnapshot().value).toBe('idle');
    expect(settings.actor.getSnapshot().context.totpSetup).toBeNull();

    answerRevoke();
    await signOut;
  });
});
