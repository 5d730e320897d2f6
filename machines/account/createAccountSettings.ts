import { createActor, waitFor, type Actor, type SnapshotFrom } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { Auth } from '../createAuth.js';
import type { TotpSetup } from '../TotpSetup.js';
import type { SettingsEvent, SignedInUser } from './SettingsContext.js';
import { settingsMachine } from './settingsMachine.js';

export type SettingsActor = Actor<typeof settingsMachine>;
type SettingsSnapshot = SnapshotFrom<typeof settingsMachine>;
type AuthSnapshot = SnapshotFrom<Auth['actor']>;

export interface AccountSettings {
  /** The running settings actor: `subscribe`, `getSnapshot` (totpSetup, notice, error). */
  actor: SettingsActor;
  changePassword(input: { previousPassword: string; proposedPassword: string }): Promise<void>;
  /** Starts TOTP set-up: show `otpauthUri` as a QR code and `secretCode` as text. */
  setUpTotp(): Promise<TotpSetup>;
  /** The first code from the app; TOTP then becomes the preferred MFA. */
  verifyTotp(code: string): Promise<void>;
  setMfaPreference(input: { totp: boolean }): Promise<void>;
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
  const actor = createActor(settingsMachine, { input: { config, ports, signedInUser: () => signedInUser(auth) } });
  actor.start();

  let user = userOf(auth.actor.getSnapshot());
  const watch = auth.actor.subscribe((snapshot) => {
    const now = userOf(snapshot);
    if (user !== null && now !== user) actor.send({ type: 'SESSION_ENDED' });
    user = now;
  });

  async function perform(event: SettingsEvent): Promise<SettingsSnapshot> {
    const before = await waitFor(actor, (s) => !s.hasTag('busy'));
    if (!before.can(event)) throw new AuthError('invalidRequest', `${event.type} is not possible at this step.`);
    actor.send(event);
    const after = await waitFor(actor, (s) => !s.hasTag('busy'));
    if (after.context.error) throw after.context.error;
    return after;
  }

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
    async setMfaPreference({ totp }) {
      await perform({ type: 'SET_MFA_PREFERENCE', totp });
    },
    cancel: () => actor.send({ type: 'CANCEL' }),
    stop() {
      watch.unsubscribe();
      actor.stop();
    },
  };
}

/** Whose session the auth holds now (`sub`); null when none, or while it is being signed out. */
function userOf(snapshot: AuthSnapshot): string | null {
  if (snapshot.matches('signingOut')) return null;
  return snapshot.context.session?.idClaims.sub ?? null;
}

async function signedInUser(auth: Auth): Promise<SignedInUser> {
  const tokens = await auth.getTokens();
  const user = auth.user();
  if (!tokens || !user) throw new AuthError('notSignedIn', 'Sign in first: this needs a signed-in user.');
  return { accessToken: tokens.accessToken, accountName: user.username ?? user.email ?? user.sub };
}
