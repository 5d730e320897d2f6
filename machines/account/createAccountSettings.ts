import { createActor, type Actor } from 'xstate';
import type { Auth } from '../createAuth.js';
import type { TotpSetup } from '../TotpSetup.js';
import { followSession } from './followSession.js';
import type { MfaPreference } from './mfaPreferenceRequest.js';
import { performRequest } from './performRequest.js';
import { settingsMachine } from './settingsMachine.js';
import { signedInUserOf } from './signedInUserOf.js';

export type SettingsActor = Actor<typeof settingsMachine>;

export interface AccountSettings {
  /** The running settings actor: `subscribe`, `getSnapshot` (totpSetup, notice, error). */
  actor: SettingsActor;
  changePassword(input: { previousPassword: string; proposedPassword: string }): Promise<void>;
  /** Starts TOTP set-up: show `otpauthUri` as a QR code and `secretCode` as text. */
  setUpTotp(): Promise<TotpSetup>;
  /** The first code from the app; TOTP then becomes the preferred MFA. */
  verifyTotp(code: string): Promise<void>;
  /**
   * Turns SMS, email and TOTP codes on or off, and says which sign-in asks for first (see
   * MfaPreference). TOTP must have been set up, SMS needs a phone number, email an email address.
   */
  setMfaPreference(input: MfaPreference): Promise<void>;
  /** Leaves a TOTP set-up in progress, forgetting its secret. */
  cancel(): void;
  stop(): void;
}

/**
 * The signed-in user's settings for an app created with `createAuth`, from the `authchart/account`
 * entry. Requests use the auth's tokens (refreshed first when due) and ports; when the auth's
 * session ends, or another user signs in, the settings forget everything of the last one.
 */
export function createAccountSettings(auth: Auth): AccountSettings {
  const { config, ports } = auth.actor.getSnapshot().context;
  const actor = createActor(settingsMachine, { input: { config, ports, signedInUser: () => signedInUserOf(auth) } });
  actor.start();
  const unfollow = followSession(auth, actor);
  const perform = (event: Parameters<SettingsActor['send']>[0]) => performRequest(actor, event);

  return {
    actor,
    async changePassword({ previousPassword, proposedPassword }) {
      await perform({ type: 'CHANGE_PASSWORD', previousPassword, proposedPassword });
    },
    async setUpTotp() {
      const after = await perform({ type: 'SET_UP_TOTP' });
      return after.context.totpSetup!;
    },
    async verifyTotp(code) {
      await perform({ type: 'VERIFY_TOTP', code });
    },
    async setMfaPreference(preference) {
      await perform({ ...preference, type: 'SET_MFA_PREFERENCE' });
    },
    cancel: () => actor.send({ type: 'CANCEL' }),
    stop() {
      unfollow();
      actor.stop();
    },
  };
}
