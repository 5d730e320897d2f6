import { createSubscriber } from 'svelte/reactivity';
import { waitFor } from 'xstate';
import {
  selectIsAuthenticated,
  selectIsOffline,
  selectNeedsReauth,
  selectNextStep,
  selectSessionTimes,
  selectUser,
  type Auth,
  type AuthError,
  type AuthUser,
  type Challenge,
  type Credentials,
  type NextStep,
  type SessionEndReason,
  type SessionTimes,
} from '../../machines/index.js';
import { stateName } from './stateName.js';

export type AuthSnapshot = ReturnType<Auth['actor']['getSnapshot']>;

/**
 * Reactive view of the auth actor for runes code. It keeps no copy of machine state: every read
 * asks the actor, and `createSubscriber` re-runs the reading effect when the actor moves. (It
 * remembers two things the machine does not: the last username, and a re-auth in progress.)
 * Create one per auth (AuthProvider does) and `dispose()` it when done.
 */
export class AuthState {
  readonly auth: Auth;
  readonly #subscribe: () => void;
  readonly #unwatch: () => void;
  #lastUsername = $state<string | null>(null);

  constructor(auth: Auth) {
    this.auth = auth;
    this.#subscribe = createSubscriber((update) => {
      const subscription = auth.actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
    // `expired` has no session left to name the user, so the re-auth prompt would start empty:
    // remember who was signed in.
    const watch = (snapshot: AuthSnapshot) => {
      const username = selectUser(snapshot)?.username;
      if (username) this.#lastUsername = username;
    };
    watch(auth.actor.getSnapshot());
    const subscription = auth.actor.subscribe(watch);
    this.#unwatch = () => subscription.unsubscribe();
  }

  get snapshot(): AuthSnapshot {
    this.#subscribe();
    return this.auth.actor.getSnapshot();
  }

  /** The top-level state: `restoring`, `signedOut`, `authenticating`, `signedIn`, `refreshing`, `expired`… */
  get topState(): string {
    const value = this.snapshot.value;
    return typeof value === 'string' ? value : (Object.keys(value)[0] ?? '');
  }

  /** The full state as a dotted path, e.g. `refreshing.locked.requesting`. */
  get stateName(): string {
    return stateName(this.snapshot.value);
  }

  /** Signed in, or refreshing a session that was. */
  get isAuthenticated(): boolean {
    return selectIsAuthenticated(this.snapshot);
  }

  /** Start-up: stored tokens are being read (and maybe refreshed). Guards wait for it. */
  get isRestoring(): boolean {
    return this.snapshot.matches('restoring');
  }

  get user(): AuthUser | null {
    return selectUser(this.snapshot);
  }

  get error(): AuthError | null {
    return this.snapshot.context.error;
  }

  get endReason(): SessionEndReason | null {
    return this.snapshot.context.endReason;
  }

  /** What the user is asked to do next (`selectNextStep`): `signIn`, `mfaCode`, `confirmSignUp`… */
  get nextStep(): NextStep {
    return selectNextStep(this.snapshot);
  }

  /** A request is in flight (signing in, answering a challenge, an account step…). */
  get isBusy(): boolean {
    return this.snapshot.hasTag('busy');
  }

  /**
   * The sign-in challenge being answered (new password, MFA code, MFA choice, TOTP set-up), or
   * null. Unlike `nextStep` it stays set while an answer is in flight, so a form can show progress.
   */
  get challenge(): Challenge | null {
    const snapshot = this.snapshot;
    return snapshot.matches('authenticating') ? snapshot.context.challenge : null;
  }

  get refreshCount(): number {
    return this.snapshot.context.refreshCount;
  }

  /** `local`, `session`, `memory`, or `memory (local unavailable)` after a fallback. */
  get storageKind(): string {
    return this.snapshot.context.ports.storage.kind;
  }

  get storageWarning(): AuthError | null {
    return this.snapshot.context.storageWarning;
  }

  /** Token expiry and next refresh on the device clock (drift-corrected), or null. */
  sessionTimes(now: number): SessionTimes | null {
    return selectSessionTimes(this.snapshot, now);
  }

  /** Signed in, but the tokens expired while a refresh keeps failing for a transient reason. */
  isOffline(now: number): boolean {
    return selectIsOffline(this.snapshot, now);
  }

  /**
   * The session ended underneath the user (`expired`), or they are signing in again after it did:
   * ask over the current page.
   */
  get needsReauth(): boolean {
    return selectNeedsReauth(this.snapshot);
  }

  /**
   * Waits (up to `timeoutMs`) until a signed-in session is idle: no refresh or other request in
   * flight. The account helpers wait for that themselves; forms use this to show progress first.
   * Resolves either way.
   */
  async whenIdle(timeoutMs = 10_000): Promise<void> {
    await waitFor(this.auth.actor, (s) => s.matches({ signedIn: 'idle' }) || !selectIsAuthenticated(s), {
      timeout: timeoutMs,
    }).catch(() => undefined);
  }

  /** The username of the last session this object saw, to pre-fill a sign-in form. */
  get lastUsername(): string | null {
    return this.#lastUsername;
  }

  /** Whether `refresh()` would do anything now (signed in and idle, or waiting to retry). */
  get canRefresh(): boolean {
    return this.snapshot.can({ type: 'REFRESH' });
  }

  /** Sends `REFRESH`: the machine refreshes now if signed in (or retries a failed refresh). */
  refresh(): void {
    this.auth.actor.send({ type: 'REFRESH' });
  }

  /**
   * Signs in again from `expired`. Resolves with the next step: `signedIn`, or a challenge (MFA,
   * new password) to answer. A wrong password, a cancelled or timed-out challenge: back to
   * `expired`, and `needsReauth` stays up.
   */
  async reauthenticate(credentials: Credentials): Promise<NextStep> {
    return this.auth.signIn(credentials);
  }

  /** The user declined to sign in again: end the expired session (or the re-auth) for good. */
  async abandonReauth(): Promise<void> {
    if (this.needsReauth) await this.auth.signOut();
  }

  dispose(): void {
    this.#unwatch();
  }
}
