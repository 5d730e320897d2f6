import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import type { Challenge, FirstFactor } from '../challenges/Challenge.js';

/** A first-factor request of choice-based sign-in (InitiateAuth USER_AUTH). */
export interface FirstFactorRequest extends AuthMachineInput {
  username: string;
  preferred: FirstFactor | undefined;
  password: string | undefined;
  /** The choices already offered, kept for a way back (a new request does not list them again). */
  choices: FirstFactor[];
  signal: AbortSignal;
}

export type ChooseFirstFactorInput = AuthMachineInput & { challenge: Challenge; choice: FirstFactor; password?: string };

export type AnswerWithPasskeyInput = AuthMachineInput & { challenge: Challenge };

/**
 * The requests of choice-based sign-in (USER_AUTH), made by `choiceBasedSignIn()` from
 * `authchart/choice`: the chart's states for it are in the core, their work is not, so that apps
 * that never sign in this way do not carry it.
 */
export interface ChoiceBasedSignInPort {
  /** InitiateAuth USER_AUTH: the choice (SELECT_CHALLENGE), or straight to the preferred way in. */
  start(request: FirstFactorRequest): Promise<SignInResult>;
  /** The user's choice, or a new code for the same one. */
  choose(input: ChooseFirstFactorInput, signal: AbortSignal): Promise<SignInResult>;
  /** The ways in, asked for again without a preference (after a passkey asked for directly, or from a code). */
  offerChoice(input: AuthMachineInput & { username: string }, signal: AbortSignal): Promise<SignInResult>;
  /** WEB_AUTHN: the passkey port signs Cognito's challenge, and Cognito checks it. */
  answerWithPasskey(input: AnswerWithPasskeyInput, signal: AbortSignal): Promise<SignInResult>;
}
