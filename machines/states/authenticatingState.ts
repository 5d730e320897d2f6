import { AuthError } from '../AuthError.js';
import { authSetup, challengeExpiredError } from '../authSetup.js';
import type { AuthEvent, Challenge } from '../authMachine.types.js';

const MFA_CODE_CHALLENGES = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] as const;

/** Cognito's ChallengeResponses for the answer event, e.g. `SOFTWARE_TOKEN_MFA_CODE`. */
function responsesFor(challenge: Challenge | null, event: AuthEvent): Record<string, string> {
  switch (event.type) {
    case 'COMPLETE_NEW_PASSWORD': {
      const attributes = Object.entries(event.attributes ?? {}).map(([name, value]) => [`userAttributes.${name}`, value]);
      return { NEW_PASSWORD: event.newPassword, ...Object.fromEntries(attributes) };
    }
    case 'SUBMIT_MFA_CODE':
      return { [`${challenge?.name ?? 'SOFTWARE_TOKEN_MFA'}_CODE`]: event.code };
    case 'SELECT_MFA_TYPE':
      return { ANSWER: event.mfaType };
    default:
      return {};
  }
}

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
    SIGN_OUT: {
      target: '#auth.signedOut',
      actions: ['clearChallenge', 'forgetAutoSignIn', { type: 'endSession', params: { reason: 'user' } }],
    },
  },
  states: {
    submitting: {
      tags: 'busy',
      invoke: {
        id: 'signInWithPassword',
        src: 'signInWithPassword',
        // Credentials come with SIGN_IN, or were kept from sign-up for autoSignIn.
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          ...(event.type === 'SIGN_IN'
            ? { username: event.username, password: event.password }
            : (context.autoSignIn ?? { username: '', password: '' })),
        }),
        onDone: {
          target: 'routing',
          actions: [{ type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) }, 'forgetAutoSignIn'],
        },
        onError: { target: 'failed', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    routing: {
      always: [
        // Cognito said the challenge session is over (or the answer came too late): start again.
        { guard: 'lastErrorIsChallengeExpired', target: 'failed' },
        {
          guard: 'hasSession',
          target: '#auth.signedIn',
          actions: [
            'persistSession',
            'announceStoredSession',
            'clearChallenge',
            'clearError',
            'startSession',
          ],
        },
        { guard: { type: 'challengeIs', params: { names: ['NEW_PASSWORD_REQUIRED'] } }, target: 'newPasswordRequired' },
        { guard: { type: 'challengeIs', params: { names: MFA_CODE_CHALLENGES } }, target: 'mfaCode' },
        { guard: { type: 'challengeIs', params: { names: ['SELECT_MFA_TYPE'] } }, target: 'selectMfaType' },
        // Back from a wrong code: the secret is already in the app, keep it.
        { guard: 'challengeHasTotpSecret', target: 'mfaSetup.awaitingCode' },
        { guard: { type: 'challengeIs', params: { names: ['MFA_SETUP'] } }, target: 'mfaSetup' },
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
        { guard: 'reauthenticating', target: '#auth.expired', actions: 'clearChallenge' },
        {
          guard: 'lastErrorIsChallengeExpired',
          target: '#auth.signedOut',
          actions: ['clearChallenge', 'forgetAutoSignIn', { type: 'endSession', params: { reason: 'challengeExpired' } }],
        },
        { target: '#auth.signedOut', actions: ['clearChallenge', 'forgetAutoSignIn'] },
      ],
    },
    newPasswordRequired: {
      after: expireChallenge,
      on: { COMPLETE_NEW_PASSWORD: { target: 'responding', actions: 'clearError' } },
    },
    mfaCode: {
      after: expireChallenge,
      on: { SUBMIT_MFA_CODE: { target: 'responding', actions: 'clearError' } },
    },
    selectMfaType: {
      after: expireChallenge,
      on: { SELECT_MFA_TYPE: { target: 'responding', actions: 'clearError' } },
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
            input: ({ context }) => ({ config: context.config, ports: context.ports, challenge: context.challenge! }),
            onDone: {
              target: 'awaitingCode',
              actions: { type: 'setChallenge', params: ({ event }) => ({ challenge: event.output }) },
            },
            onError: {
              target: '#auth.authenticating.failed',
              actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
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
            input: ({ context, event }) => ({
              config: context.config,
              ports: context.ports,
              challenge: context.challenge!,
              code: event.type === 'SUBMIT_MFA_CODE' ? event.code : '',
            }),
            onDone: {
              target: '#auth.authenticating.routing',
              actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
            },
            onError: {
              target: '#auth.authenticating.routing',
              actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
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
          config: context.config,
          ports: context.ports,
          challenge: context.challenge!,
          responses: responsesFor(context.challenge, event),
        }),
        onDone: {
          target: 'routing',
          actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
        },
        onError: { target: 'routing', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});
