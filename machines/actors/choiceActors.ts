import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import type { AuthPorts } from '../AuthPorts.js';
import type { AnswerWithPasskeyInput, ChoiceBasedSignInPort, ChooseFirstFactorInput } from '../choice/ChoiceBasedSignInPort.js';

/** The port that makes choice-based sign-in's requests, or an `invalidConfig` saying how to get one. */
export function choicePort(ports: AuthPorts): ChoiceBasedSignInPort {
  if (ports.choice) return ports.choice;
  throw new AuthError('invalidConfig', "Choice-based sign-in (USER_AUTH) needs createAuth's choice: choiceBasedSignIn() from 'authchart/choice'.");
}

// The chart's actors for choice-based sign-in: its states are in the core, the requests behind
// them are the `choice` port's (authchart/choice).

export const chooseFirstFactor = fromPromise<SignInResult, ChooseFirstFactorInput>(({ input, signal }) => choicePort(input.ports).choose(input, signal));

export const offerChoice = fromPromise<SignInResult, AuthMachineInput & { username: string }>(({ input, signal }) =>
  choicePort(input.ports).offerChoice(input, signal),
);

export const answerWithPasskey = fromPromise<SignInResult, AnswerWithPasskeyInput>(({ input, signal }) =>
  choicePort(input.ports).answerWithPasskey(input, signal),
);
