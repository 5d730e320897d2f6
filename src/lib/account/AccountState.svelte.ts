import { createSubscriber } from 'svelte/reactivity';
import { createAccountFlows, type AccountFlows, type AccountNotice, type CodeDelivery } from '../../../machines/account/index.js';
import type { Auth } from '../../../machines/index.js';

/**
 * Reactive view of the account flows (sign-up, password reset) for runes code. Pages that offer
 * them get it with `accountStateFor(auth)`: one per auth, made on first use, so what a step
 * achieved (and for whom) carries from the sign-up or reset page to the sign-in page. Apps
 * without these pages never load the `authchart/account` entry.
 */
export class AccountState {
  readonly flows: AccountFlows;
  readonly #subscribe: () => void;

  constructor(auth: Auth) {
    this.flows = createAccountFlows(auth);
    this.#subscribe = createSubscriber((update) => {
      const subscription = this.flows.actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  get snapshot() {
    this.#subscribe();
    return this.flows.actor.getSnapshot();
  }

  /** The user of the sign-up or password reset in progress, to pre-fill the next form. */
  get pendingUsername(): string | null {
    return this.snapshot.context.pendingUsername;
  }

  /** Where Cognito sent the last confirmation or reset code (masked). */
  get codeDelivery(): CodeDelivery | null {
    return this.snapshot.context.codeDelivery;
  }

  /** What the last account step achieved (`signUpConfirmed`, `passwordReset`…); see NOTICE_MESSAGES. */
  get notice(): AccountNotice | null {
    return this.snapshot.context.notice;
  }

  /** Waiting for a code: the confirmation form, not the sign-up form. */
  get awaitingSignUpCode(): boolean {
    const snapshot = this.snapshot;
    return snapshot.matches('awaitingSignUpCode') || snapshot.matches('confirmingSignUp') || snapshot.matches('resendingSignUpCode');
  }

  get awaitingResetCode(): boolean {
    const snapshot = this.snapshot;
    return snapshot.matches('awaitingResetCode') || snapshot.matches('confirmingPasswordReset');
  }
}

const states = new WeakMap<Auth, AccountState>();

/** The AccountState of `auth`, made on first use and kept for as long as the auth lives. */
export function accountStateFor(auth: Auth): AccountState {
  let state = states.get(auth);
  if (!state) {
    state = new AccountState(auth);
    states.set(auth, state);
  }
  return state;
}
