import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createAccountSettings, type AccountSettings } from '../../machines/account/index.js';
import { AuthError, type Auth, type AuthConfig } from '../../machines/index.js';
import { signedInAuth } from '../support/signedInAuth.js';

const SECRET = 'JBSWY3DPEHPK3PXPTOTPSECRET';

/**
 * Signed in with a TOTP set-up open (its secret in the settings' context), and a refresh that answers
 * only when `answerRefresh` is called (or is refused, with `refuse`).
 */
async function signedInWithTotpSecret(config: Partial<AuthConfig> = {}, options: { refuse?: boolean } = {}) {
  const { auth, cognito, answer } = await signedInAuth({ config: { refreshApi: 'initiateAuth', ...config }, password: 'right' });
  let answerRefresh: () => void = () => {};
  cognito
    .on('InitiateAuth', async () => {
      if (options.refuse) throw new AuthError('refreshRejected', 'Refresh Token has been revoked', { cognitoName: 'NotAuthorizedException' });
      await new Promise<void>((resolve) => (answerRefresh = resolve));
      return answer();
    })
    .on('AssociateSoftwareToken', () => ({ SecretCode: SECRET }))
    .on('RevokeToken', () => ({}));
  const settings = createAccountSettings(auth);
  await settings.setUpTotp();
  expect(settings.actor.getSnapshot().context.totpSetup).not.toBeNull();
  return { auth, settings, answerRefresh: () => answerRefresh() };
}

/** No secret of the ended session may be left in either chart's context (or its JSON, which apps log). */
function expectNothingLeftOf(auth: Auth, settings: AccountSettings) {
  const context = auth.actor.getSnapshot().context;
  expect(settings.actor.getSnapshot().context.totpSetup, 'TOTP secret').toBeNull();
  expect(settings.actor.getSnapshot().value).toBe('idle');
  expect(context.session, 'tokens').toBeNull();
  expect(context.challenge, 'challenge').toBeNull();
  expect(JSON.stringify(auth.actor.getSnapshot())).not.toContain(SECRET);
}

describe('ending a session forgets everything tied to it', () => {
  it('signing out while a refresh is in flight leaves no TOTP secret behind', async () => {
    const { auth, settings } = await signedInWithTotpSecret();
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (s) => s.matches({ refreshing: { locked: 'requesting' } }));
    await auth.signOut();
    expectNothingLeftOf(auth, settings);
    settings.stop();
  });

  it('a refused refresh leaves no TOTP secret behind', async () => {
    const { auth, settings } = await signedInWithTotpSecret({}, { refuse: true });
    auth.actor.send({ type: 'REFRESH' });
    await waitFor(auth.actor, (s) => s.matches('expired'));
    expectNothingLeftOf(auth, settings);
    settings.stop();
  });

  it('the idle sign-out leaves no TOTP secret behind', async () => {
    const { auth, settings } = await signedInWithTotpSecret({ idleTimeoutMinutes: 0.0005, idleWarningSeconds: 0.01, activity: null });
    await waitFor(auth.actor, (s) => s.matches('signedOut'), { timeout: 2_000 });
    expect(auth.actor.getSnapshot().context.endReason).toBe('idle');
    expectNothingLeftOf(auth, settings);
    settings.stop();
  });

  it('the maximum session age leaves no TOTP secret behind', async () => {
    const { auth, settings } = await signedInWithTotpSecret({ maxSessionAgeHours: 0.5 / 3_600_000 });
    await waitFor(auth.actor, (s) => s.matches('signedOut'), { timeout: 2_000 });
    expect(auth.actor.getSnapshot().context.endReason).toBe('maxAge');
    expectNothingLeftOf(auth, settings);
    settings.stop();
  });
});
