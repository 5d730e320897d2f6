import { assertEvent } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { FirstFactor } from '../challenges/Challenge.js';
import type { AuthContext } from '../AuthContext.js';
import type { AuthEvent } from '../AuthEvent.js';
import { authSetup } from '../authSetup.js';
import { machineInput } from '../machineInput.js';
import { confirmingDeviceState, provingDeviceState } from './deviceStates.js';
import { enterSession } from './enterSession.js';
import { setErrorFromActor } from './setErrorFromActor.js';

/** Cognito's ChallengeResponses for the answer event, e.g. `SOFTWARE_TOKEN_MFA_CODE`. */
function responsesFor(context: AuthContext, event: AuthEvent): Record<string, string> {
  assertEvent(event, ['COMPLETE_NEW_PASSWORD', 'SUBMIT_MFA_CODE', 'SELECT_MFA_TYPE', 'SUBMIT_CUSTOM_CHALLENGE']);
  switch (event.type) {
    case 'COMPLETE_NEW_PASSWORD': {
      const attributes = Object.entries(event.attributes ?? {}).map(([name, value]) => [`userAttributes.${name}`, value]);
      return { NEW_PASSWORD: event.newPassword, ...Object.fromEntries(attributes) };
    }
    case 'SUBMIT_MFA_CODE':
      // Only an `mfaCode` challenge takes this event here; its code goes under its own name.
      return { [`${context.challenge!.name}_CODE`]: event.code };
    case 'SELECT_MFA_TYPE':
      return { ANSWER: event.mfaType };
    case 'SUBMIT_CUSTOM_CHALLENGE':
      return { ANSWER: event.answer };
  }
}


const challengeExpiredError = () => new AuthError('challengeExpired', 'This sign-in step took too long; please sign in again.');

/** A challenge waits this long for an answer, then the sign-in fails with `challengeExpired`. */
const expireChallenge = {
  challengeTimeout: {
    target: '#auth.authenticating.failed',
    actions: { type: 'setError', params: () => ({ error: challengeExpiredError() }) },
  },
} as const;

/**
 * Signing in: the password step, then whatever Cognito asks for next. `routing` looks at the
 * last answer and goes to the matching challenge (or to signedIn with tokens).
 */
export const authenticatingState = authSetup.createStateConfig({
  initial: 'submitting',
  on: {
    CANCEL: { target: '.failed' },
    // Also ends a re-authentication for good: the reason becomes `user`, no longer `expired`.
    SIGN_OUT: { target: '#auth.signedOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
  },
  states: {
    submitting: {
      tags: 'busy',
      invoke: {
        id: 'startSignIn',
        src: 'startSignIn',
        input: ({ context, event }) => {
          assertEvent(event, 'SIGN_IN');
          const { type: _, ...credentials } = event;
          return { ...machineInput(context), ...credentials };
        },
        onDone: {
          target: 'routing',
          actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
        },
        onError: { target: 'failed', actions: setErrorFromActor },
      },
    },
    routing: {
      always: [
        // Cognito said the challenge session is over, or failed the sign-in: start again.
        { guard: 'lastErrorEndsSignIn', target: 'failed' },
        { guard: 'hasNewDevice', target: 'confirmingDevice' },
        { guard: 'hasSession', target: '#auth.signedIn', actions: enterSession },
        { guard: { type: 'challengeIs', params: { kind: 'newPassword' } }, target: 'newPasswordRequired' },
        { guard: { type: 'challengeIs', params: { kind: 'mfaCode' } }, target: 'mfaCode' },
        { guard: { type: 'challengeIs', params: { kind: 'selectMfaType' } }, target: 'selectMfaType' },
        { guard: { type: 'challengeIs', params: { kind: 'custom' } }, target: 'customChallenge' },
        { guard: { type: 'challengeIs', params: { kind: 'selectChallenge' } }, target: 'selectingChallenge' },
        { guard: { type: 'challengeIs', params: { kind: 'passkey' } }, target: 'passkey' },
        { guard: { type: 'challengeIs', params: { kind: 'device' } }, target: 'provingDevice' },
        // Back from a wrong code: the secret is already in the app, keep it.
        { guard: 'challengeHasTotpSecret', target: 'mfaSetup.awaitingCode' },
        { guard: { type: 'challengeIs', params: { kind: 'mfaSetup' } }, target: 'mfaSetup' },
        {
          target: 'failed',
          actions: {
            type: 'setError',
            params: ({ context }) => ({
              error: new AuthError(
                'unsupportedChallenge',
                `Sign-in needs a step authchart does not handle (${context.challenge?.name ?? 'unknown'}).`,
              ),
            }),
          },
        },
      ],
    },
    /**
     * The sign-in did not finish: a wrong password, a challenge session that ran out, a step
     * authchart does not handle, a cancel. A re-authentication (the session had expired) goes back
     * to `expired`, where the app keeps asking and the reason stays; any other sign-in ends in
     * `signedOut`, with reason `challengeExpired` when that is why.
     */
    failed: {
      always: [
        { guard: 'reauthenticating', target: '#auth.expired' },
        {
          guard: 'lastErrorIsChallengeExpired',
          target: '#auth.signedOut',
          actions: { type: 'recordEndReason', params: { reason: 'challengeExpired' } },
        },
        { target: '#auth.signedOut' },
      ],
    },
    confirmingDevice: confirmingDeviceState,
    provingDevice: provingDeviceState,
    newPasswordRequired: {
      after: expireChallenge,
      on: { COMPLETE_NEW_PASSWORD: { target: 'responding', actions: 'clearError' } },
    },
    mfaCode: {
      after: expireChallenge,
      on: {
        SUBMIT_MFA_CODE: { target: 'responding', actions: 'clearError' },
        // A code chosen as the way in (USER_AUTH): a new one, or another way in.
        RESEND_CODE: { guard: 'codeIsFirstFactor', target: 'choosing', actions: 'clearError' },
        CHOOSE_AGAIN: [
          { guard: 'hasChoices', target: 'selectingChallenge', actions: ['clearError', 'backToChoice'] },
          // A code asked for directly: the ways in are asked for now.
          { guard: 'codeIsFirstFactor', target: 'offeringChoice', actions: 'clearError' },
        ],
      },
    },
    /** Choice-based sign-in (USER_AUTH): the ways in are in `challenge.firstFactor.choices`. */
    selectingChallenge: {
      after: expireChallenge,
      on: { SELECT_CHALLENGE: { target: 'choosing', actions: 'clearError' } },
    },
    /**
     * The choice (or a new code) in flight. A refusal that ends the sign-in (a wrong password,
     * the session ran out) goes to `failed` through routing; any other comes back to the step.
     */
    choosing: {
      tags: 'busy',
      invoke: {
        id: 'chooseFirstFactor',
        src: 'chooseFirstFactor',
        input: ({ context, event }) => {
          assertEvent(event, ['SELECT_CHALLENGE', 'RESEND_CODE']);
          const challenge = context.challenge!;
          if (event.type === 'RESEND_CODE') return { ...machineInput(context), challenge, choice: challenge.name as FirstFactor };
          return { ...machineInput(context), challenge, choice: event.challenge, ...(event.password === undefined ? {} : { password: event.password }) };
        },
        onDone: {
          target: 'routing',
          actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
        },
        onError: { target: 'routing', actions: [setErrorFromActor, 'spendChoice'] },
      },
    },
    /**
     * WEB_AUTHN: the browser asks the user for a passkey and Cognito checks it. A dismissed prompt,
     * no passkey, or one the pool refuses go back to the choice (asked for, when the passkey was).
     */
    passkey: {
      tags: 'busy',
      after: expireChallenge,
      invoke: {
        id: 'answerWithPasskey',
        src: 'answerWithPasskey',
        input: ({ context }) => ({ ...machineInput(context), challenge: context.challenge! }),
        onDone: {
          target: 'routing',
          actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
        },
        onError: [
          { guard: 'hasChoices', target: 'selectingChallenge', actions: [setErrorFromActor, 'backToChoice'] },
          { target: 'offeringChoice', actions: setErrorFromActor },
        ],
      },
    },
    /**
     * A passkey asked for directly did not sign in, or the user wants another way than the code
     * asked for: the ways in this user has are asked for, the passkey's error kept for the user.
     * Without a choice to offer, the sign-in ends.
     */
    offeringChoice: {
      tags: 'busy',
      invoke: {
        id: 'offerChoice',
        src: 'offerChoice',
        input: ({ context }) => ({ ...machineInput(context), username: context.challenge!.username }),
        onDone: [
          {
            guard: { type: 'offeredChoice', params: ({ event }) => ({ result: event.output }) },
            target: 'routing',
            actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
          },
          { target: 'failed' },
        ],
        onError: { target: 'failed', actions: setErrorFromActor },
      },
    },
    selectMfaType: {
      after: expireChallenge,
      on: { SELECT_MFA_TYPE: { target: 'responding', actions: 'clearError' } },
    },
    /**
     * Custom auth: the pool's Lambda trigger asks (its public parameters are in
     * `challenge.parameters`), and asks again until it issues tokens or fails the sign-in.
     */
    customChallenge: {
      after: expireChallenge,
      on: { SUBMIT_CUSTOM_CHALLENGE: { target: 'responding', actions: 'clearError' } },
    },
    /** The user has no MFA yet but the pool requires it: register a TOTP app during sign-in. */
    mfaSetup: {
      after: expireChallenge,
      initial: 'associating',
      states: {
        associating: {
          tags: 'busy',
          invoke: {
            id: 'associateChallengeTotp',
            src: 'associateChallengeTotp',
            input: ({ context }) => ({ ...machineInput(context), challenge: context.challenge! }),
            onDone: {
              target: 'awaitingCode',
              actions: { type: 'setChallenge', params: ({ event }) => ({ challenge: event.output }) },
            },
            onError: {
              target: '#auth.authenticating.failed',
              actions: setErrorFromActor,
            },
          },
        },
        awaitingCode: {
          on: { SUBMIT_MFA_CODE: { target: 'verifying', actions: 'clearError' } },
        },
        verifying: {
          tags: 'busy',
          invoke: {
            id: 'verifyChallengeTotp',
            src: 'verifyChallengeTotp',
            input: ({ context, event }) => {
              assertEvent(event, 'SUBMIT_MFA_CODE');
              return { ...machineInput(context), challenge: context.challenge!, code: event.code };
            },
            onDone: {
              target: '#auth.authenticating.routing',
              actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
            },
            onError: {
              target: '#auth.authenticating.routing',
              actions: setErrorFromActor,
            },
          },
        },
      },
    },
    /** One answer in flight; a wrong one goes back, through routing, to the same challenge. */
    responding: {
      tags: 'busy',
      invoke: {
        id: 'respondToChallenge',
        src: 'respondToChallenge',
        input: ({ context, event }) => ({
          ...machineInput(context),
          challenge: context.challenge!,
          responses: responsesFor(context, event),
        }),
        onDone: {
          target: 'routing',
          actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
        },
        onError: { target: 'routing', actions: setErrorFromActor },
      },
    },
  },
});
