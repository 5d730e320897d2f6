import { createSubscriber } from 'svelte/reactivity';
import {
  createAccountData,
  type AccountData,
  type AccountDataNotice,
  type AccountUser,
  type AttributeCodeDelivery,
} from '../../../machines/account/index.js';
import type { Auth, AuthError } from '../../../machines/index.js';

/**
 * Reactive view of the signed-in user's own data (attributes, their verification, MFA state,
 * deletion) for runes code. Profile pages get it with `accountDataFor(auth)`: one per auth, made
 * on first use. Apps without such a page never load these requests.
 */
export class AccountDataState {
  readonly data: AccountData;
  readonly #subscribe: () => void;

  constructor(auth: Auth) {
    this.data = createAccountData(auth);
    this.#subscribe = createSubscriber((update) => {
      const subscription = this.data.actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  get snapshot() {
    this.#subscribe();
    return this.data.actor.getSnapshot();
  }

  /** A request is in flight. */
  get isBusy(): boolean {
    return this.snapshot.hasTag('busy');
  }

  /** The user as the last `getUser()` found them; null before, and once the session ends. */
  get user(): AccountUser | null {
    return this.snapshot.context.user;
  }

  /** Where the code went for each attribute waiting to be verified. */
  get codeDeliveries(): AttributeCodeDelivery[] {
    return this.snapshot.context.codeDeliveries;
  }

  /** The delivery for one attribute (`email`), while its code is awaited. */
  codeDeliveryOf(attributeName: string): AttributeCodeDelivery | null {
    return this.codeDeliveries.find((delivery) => delivery.attributeName === attributeName) ?? null;
  }

  /** What the last request achieved; see NOTICE_MESSAGES. */
  get notice(): AccountDataNotice | null {
    return this.snapshot.context.notice;
  }

  get error(): AuthError | null {
    return this.snapshot.context.error;
  }
}

const states = new WeakMap<Auth, AccountDataState>();

/** The AccountDataState of `auth`, made on first use and kept for as long as the auth lives. */
export function accountDataFor(auth: Auth): AccountDataState {
  let state = states.get(auth);
  if (!state) {
    state = new AccountDataState(auth);
    states.set(auth, state);
  }
  return state;
}
