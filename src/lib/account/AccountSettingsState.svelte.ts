import { createSubscriber } from 'svelte/reactivity';
import { createAccountSettings, type AccountSettings, type SettingsNotice } from '../../../machines/account/index.js';
import type { Auth, AuthError, TotpSetup } from '../../../machines/index.js';

/**
 * Reactive view of the signed-in user's settings (password change, TOTP, MFA preference) for
 * runes code. Settings pages get it with `accountSettingsFor(auth)`: one per auth, made on first
 * use. Apps without such a page never load these requests.
 */
export class AccountSettingsState {
  readonly settings: AccountSettings;
  readonly #subscribe: () => void;

  constructor(auth: Auth) {
    this.settings = createAccountSettings(auth);
    this.#subscribe = createSubscriber((update) => {
      const subscription = this.settings.actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  get snapshot() {
    this.#subscribe();
    return this.settings.actor.getSnapshot();
  }

  /** A request is in flight. */
  get isBusy(): boolean {
    return this.snapshot.hasTag('busy');
  }

  /** A TOTP set-up waiting for its first code: the secret to show once, as a QR code and as text. */
  get totpSetup(): TotpSetup | null {
    return this.snapshot.context.totpSetup;
  }

  /** What the last request achieved (`passwordChanged`, `totpEnabled`…); see NOTICE_MESSAGES. */
  get notice(): SettingsNotice | null {
    return this.snapshot.context.notice;
  }

  get error(): AuthError | null {
    return this.snapshot.context.error;
  }
}

const states = new WeakMap<Auth, AccountSettingsState>();

/** The AccountSettingsState of `auth`, made on first use and kept for as long as the auth lives. */
export function accountSettingsFor(auth: Auth): AccountSettingsState {
  let state = states.get(auth);
  if (!state) {
    state = new AccountSettingsState(auth);
    states.set(auth, state);
  }
  return state;
}
