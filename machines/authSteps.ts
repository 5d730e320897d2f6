import { waitFor, type SnapshotFrom } from 'xstate';
import { AuthError } from './AuthError.js';
import type { AuthActor, authMachine } from './authMachine.js';
import type { AuthEvent } from './AuthEvent.js';
import type { Credentials } from './AuthContext.js';
import type { FirstFactor, MfaType } from './challenges/Challenge.js';
import type { RedirectOptions } from './oauth/OAuthPort.js';
import { selectIsAuthenticated, selectNextStep, type NextStep } from './selectors.js';
import { whenSettled } from './whenSettled.js';

/**
 * Promise-returning helpers over the actor's events. Each sends one event and waits until nothing
 * is in flight; a failed step rejects with its AuthError and leaves the machine where the user
 * can try again. Sending the same events to `auth.actor` directly works just as well.
 */
export interface AuthSteps {
  /**
   * Resolves with `signedIn`, or the challenge to answer next (`mfaCode`, `newPasswordRequired`…).
   * With `authFlow: 'USER_AUTH'` (configured or given here) the password is optional: without it
   * (and without `preferredChallenge`) the user chooses the way in (`selectChallenge`).
   */
  signIn(credentials: Credentials): Promise<NextStep>;
  /**
   * Managed login (needs createAuth's `oauth`): navigates to the pool's sign-in page. Resolves
   * once the navigation is asked for; back at the redirect URI, the session starts by itself and
   * `customState` is in `actor.getSnapshot().context.customState`.
   */
  signInWithRedirect(options?: RedirectOptions): Promise<void>;
  completeNewPassword(input: { newPassword: string; attributes?: Record<string, string> }): Promise<NextStep>;
  /** The code for SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP, or the first code during MFA set-up. */
  submitMfaCode(code: string): Promise<NextStep>;
  selectMfaType(mfaType: MfaType): Promise<NextStep>;
  /** Answers a custom-auth challenge; resolves with `customChallenge` again when the pool asks more. */
  submitCustomChallenge(answer: string): Promise<NextStep>;
  /**
   * Choice-based sign-in: the way in chosen from `selectFirstFactorChoices`, with the password
   * for PASSWORD and PASSWORD_SRP. A passkey's browser prompt is part of the step.
   */
  selectChallenge(challenge: FirstFactor, password?: string): Promise<NextStep>;
  /** Choice-based sign-in: sends the one-time code again (a new code; the old one stops working). */
  resendCode(): Promise<NextStep>;
  /** Choice-based sign-in: from the code to the ways in (offered before, or asked for now). */
  chooseAgain(): Promise<NextStep>;
  /** Abandons a sign-in challenge in progress. */
  cancel(): void;
}

type AuthSnapshot = SnapshotFrom<typeof authMachine>;

export function createAuthSteps(actor: AuthActor): AuthSteps {
  const notBusy = (s: AuthSnapshot) => !s.hasTag('busy');

  /** Sends one event once start-up is over, waits for the outcome, rejects with its error. */
  async function perform(event: AuthEvent): Promise<AuthSnapshot> {
    // A step asked for during start-up, a refresh or a tab sync waits for it, not fails. Not
    // busy, so not signing out either: a sign-in then waits for the sign-out to end.
    await whenSettled(actor, notBusy, (before) => {
      if (event.type === 'SIGN_IN' && selectIsAuthenticated(before)) {
        throw new AuthError('alreadySignedIn', 'A user is already signed in; sign out first.');
      }
      if (!before.can(event)) throw new AuthError('invalidRequest', `${event.type} is not possible at this step.`);
      actor.send(event);
    });
    const after = await waitFor(actor, notBusy);
    if (after.context.error) throw after.context.error;
    return after;
  }

  const next = async (event: AuthEvent) => selectNextStep(await perform(event));

  return {
    signIn: (credentials) => next({ type: 'SIGN_IN', ...credentials }),
    async signInWithRedirect(options = {}) {
      const event: AuthEvent = { type: 'SIGN_IN_WITH_REDIRECT', options };
      await whenSettled(actor, notBusy, (before) => {
        if (selectIsAuthenticated(before)) throw new AuthError('alreadySignedIn', 'A user is already signed in; sign out first.');
        if (!before.can(event)) throw new AuthError('invalidRequest', `${event.type} is not possible now (is createAuth's oauth set?).`);
        actor.send(event);
      });
      // The page is about to be replaced: resolve once the navigation is asked for.
      // Entering redirecting clears the error: one here means the redirect did not start.
      const after = await waitFor(actor, (s) => !s.matches({ redirecting: 'navigating' }));
      if (after.context.error) throw after.context.error;
    },
    completeNewPassword: ({ newPassword, attributes }) =>
      next({ type: 'COMPLETE_NEW_PASSWORD', newPassword, ...(attributes ? { attributes } : {}) }),
    submitMfaCode: (code) => next({ type: 'SUBMIT_MFA_CODE', code }),
    selectMfaType: (mfaType) => next({ type: 'SELECT_MFA_TYPE', mfaType }),
    submitCustomChallenge: (answer) => next({ type: 'SUBMIT_CUSTOM_CHALLENGE', answer }),
    selectChallenge: (challenge, password) => next({ type: 'SELECT_CHALLENGE', challenge, ...(password === undefined ? {} : { password }) }),
    resendCode: () => next({ type: 'RESEND_CODE' }),
    chooseAgain: () => next({ type: 'CHOOSE_AGAIN' }),
    cancel() {
      actor.send({ type: 'CANCEL' });
    },
  };
}
