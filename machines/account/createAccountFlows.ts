import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { Credentials } from '../AuthContext.js';
import type { Auth } from '../createAuth.js';
import { selectNextStep, type NextStep } from '../selectors.js';
import type { AccountEvent } from './AccountContext.js';
import { accountMachine } from './accountMachine.js';
import { performRequest } from './performRequest.js';

export type AccountActor = Actor<typeof accountMachine>;
type AccountSnapshot = SnapshotFrom<typeof accountMachine>;

/** What the user is asked to do next after an account step. */
export type AccountStep = 'confirmSignUp' | 'confirmPasswordReset' | NextStep;

export interface AccountFlows {
  /** The running account actor: `subscribe`, `getSnapshot` (pendingUsername, codeDelivery, notice, error). */
  actor: AccountActor;
  /** Resolves with `confirmSignUp` (a code was sent), or `signIn`/`signedIn` (and its challenges) when no code is needed. */
  signUp(input: Credentials & { attributes?: Record<string, string>; autoSignIn?: boolean }): Promise<AccountStep>;
  /** Resolves with `signIn`, or the auth's next step after sign-up with `autoSignIn`. */
  confirmSignUp(input: { username: string; code: string }): Promise<AccountStep>;
  resendSignUpCode(input: { username: string }): Promise<AccountStep>;
  /** Resolves with `confirmPasswordReset`: a code was sent. */
  forgotPassword(input: { username: string }): Promise<AccountStep>;
  confirmPasswordReset(input: { username: string; code: string; newPassword: string }): Promise<AccountStep>;
  /** Abandons a sign-up or reset in progress (and the password kept for `autoSignIn`). */
  cancel(): void;
  stop(): void;
}

/**
 * Sign-up and password reset for an app created with `createAuth`, from the `authchart/account`
 * entry: they use the auth's configuration and ports, and sign in through it (`autoSignIn`).
 */
export function createAccountFlows(auth: Auth): AccountFlows {
  const { config, ports } = auth.actor.getSnapshot().context;
  const actor = createActor(accountMachine, { input: { config, ports, signIn: (credentials) => auth.signIn(credentials) } });
  actor.start();

  const stepOf = (snapshot: AccountSnapshot): AccountStep => {
    if (snapshot.matches('awaitingSignUpCode')) return 'confirmSignUp';
    if (snapshot.matches('awaitingResetCode')) return 'confirmPasswordReset';
    return selectNextStep(auth.actor.getSnapshot());
  };
  const next = async (event: AccountEvent): Promise<AccountStep> => stepOf(await performRequest(actor, event));

  return {
    actor,
    signUp: ({ username, password, attributes, autoSignIn }) =>
      next({ type: 'SIGN_UP', username, password, ...(attributes ? { attributes } : {}), ...(autoSignIn ? { autoSignIn } : {}) }),
    confirmSignUp: ({ username, code }) => next({ type: 'CONFIRM_SIGN_UP', username, code }),
    resendSignUpCode: ({ username }) => next({ type: 'RESEND_SIGN_UP_CODE', username }),
    forgotPassword: ({ username }) => next({ type: 'FORGOT_PASSWORD', username }),
    confirmPasswordReset: ({ username, code, newPassword }) => next({ type: 'CONFIRM_PASSWORD_RESET', username, code, newPassword }),
    cancel: () => actor.send({ type: 'CANCEL' }),
    stop: () => actor.stop(),
  };
}
