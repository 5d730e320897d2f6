import { assertEvent, assign, fromPromise, setup } from 'xstate';
import { toAuthError } from '../AuthError.js';
import type { Credentials } from '../AuthContext.js';
import { credentialsWithHiddenPassword } from '../inspect/hideSecrets.js';
import { machineInput } from '../machineInput.js';
import type { AccountContext, AccountEvent, AccountInput, AccountNotice, CodeDelivery } from './AccountContext.js';
import { confirmPasswordReset, forgotPassword } from './passwordResetActors.js';
import { confirmSignUp, resendSignUpCode, signUp } from './signUpActors.js';

/**
 * Sign-up, its confirmation and password reset: the account flows of someone not signed in, as
 * a chart of their own beside the session's (the `authchart/account` entry), so apps without
 * them do not carry them. Each request is a state tagged `busy`; each wait for a code a state
 * the app shows a form for. With `autoSignIn`, confirming signs in through the auth's sign-in.
 */
export const accountMachine = setup({
  types: {
    tags: {} as 'busy',
    context: {} as AccountContext,
    events: {} as AccountEvent,
    input: {} as AccountInput,
  },
  actors: {
    signUp,
    confirmSignUp,
    resendSignUpCode,
    forgotPassword,
    confirmPasswordReset,
    signInAfterSignUp: fromPromise<unknown, { signIn: AccountInput['signIn']; credentials: Credentials }>(({ input }) =>
      input.signIn(input.credentials),
    ),
  },
  actions: {
    setError: assign(({ event }) => ({ error: toAuthError((event as { error?: unknown }).error) })),
    startStep: assign({ error: null, notice: null }),
    setNotice: assign((_, params: { notice: AccountNotice }) => ({ notice: params.notice })),
    setPendingUsername: assign((_, params: { username: string }) => ({ pendingUsername: params.username.trim() })),
    setCodeDelivery: assign((_, params: { codeDelivery: CodeDelivery | null }) => ({ codeDelivery: params.codeDelivery })),
    rememberAutoSignIn: assign((_, params: { credentials: Credentials | null }) => ({
      autoSignIn: params.credentials ? credentialsWithHiddenPassword(params.credentials) : null,
    })),
    /** The password kept for sign-in is used once, or given up: never kept longer. */
    forgetAutoSignIn: assign({ autoSignIn: null }),
    /** The flow is over (given up, or signed in): nothing of it is shown again. */
    forgetFlow: assign({ pendingUsername: null, codeDelivery: null, notice: null, error: null, autoSignIn: null }),
  },
  guards: {
    /** Sign-up (or its confirmation) is done and the password is still in hand for this user. */
    canAutoSignIn: ({ context }, params: { username: string; confirmed: boolean }) =>
      params.confirmed && context.autoSignIn !== null && context.autoSignIn.username === params.username,
    isTrue: (_, params: { value: boolean }) => params.value,
  },
}).createMachine({
  id: 'account',
  initial: 'idle',
  context: ({ input }) => ({ ...input, pendingUsername: null, codeDelivery: null, notice: null, error: null, autoSignIn: null }),
  on: {
    SIGN_UP: {
      target: '.signingUp',
      actions: [
        'startStep',
        { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) },
        {
          type: 'rememberAutoSignIn',
          params: ({ event }) => ({ credentials: event.autoSignIn ? { username: event.username.trim(), password: event.password } : null }),
        },
      ],
    },
    CONFIRM_SIGN_UP: {
      target: '.confirmingSignUp',
      actions: ['startStep', { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) }],
    },
    RESEND_SIGN_UP_CODE: { target: '.resendingSignUpCode', actions: 'startStep' },
    // A password reset leaves any sign-up behind, and the password kept for its sign-in with it.
    FORGOT_PASSWORD: {
      target: '.requestingPasswordReset',
      actions: ['startStep', 'forgetAutoSignIn', { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) }],
    },
    CONFIRM_PASSWORD_RESET: { target: '.confirmingPasswordReset', actions: ['startStep', 'forgetAutoSignIn'] },
    CANCEL: { target: '.idle', actions: 'forgetFlow' },
  },
  states: {
    idle: {},
    signingUp: {
      tags: 'busy',
      invoke: {
        id: 'signUp',
        src: 'signUp',
        input: ({ context, event }) => {
          assertEvent(event, 'SIGN_UP');
          const { username, password, attributes = {} } = event;
          return { ...machineInput(context), username, password, attributes };
        },
        onDone: [
          {
            guard: { type: 'canAutoSignIn', params: ({ event }) => ({ username: event.output.username, confirmed: event.output.userConfirmed }) },
            target: 'signingIn',
          },
          {
            guard: { type: 'isTrue', params: ({ event }) => ({ value: event.output.userConfirmed }) },
            target: 'idle',
            actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } },
          },
          {
            target: 'awaitingSignUpCode',
            actions: [
              { type: 'setCodeDelivery', params: ({ event }) => ({ codeDelivery: event.output.codeDelivery }) },
              { type: 'setNotice', params: { notice: 'signUpCodeSent' } },
            ],
          },
        ],
        onError: { target: 'idle', actions: ['setError', 'forgetAutoSignIn'] },
      },
    },
    awaitingSignUpCode: {},
    confirmingSignUp: {
      tags: 'busy',
      invoke: {
        id: 'confirmSignUp',
        src: 'confirmSignUp',
        input: ({ context, event }) => {
          assertEvent(event, 'CONFIRM_SIGN_UP');
          return { ...machineInput(context), username: event.username, code: event.code };
        },
        onDone: [
          {
            guard: { type: 'canAutoSignIn', params: ({ event }) => ({ username: event.output.username, confirmed: true }) },
            target: 'signingIn',
            actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } },
          },
          // Confirmed under another spelling of the name, or without autoSignIn: sign in by hand.
          { target: 'idle', actions: ['forgetAutoSignIn', { type: 'setNotice', params: { notice: 'signUpConfirmed' } }] },
        ],
        onError: { target: 'awaitingSignUpCode', actions: 'setError' },
      },
    },
    resendingSignUpCode: {
      tags: 'busy',
      invoke: {
        id: 'resendSignUpCode',
        src: 'resendSignUpCode',
        input: ({ context, event }) => {
          assertEvent(event, 'RESEND_SIGN_UP_CODE');
          return { ...machineInput(context), username: event.username };
        },
        onDone: {
          target: 'awaitingSignUpCode',
          actions: [
            { type: 'setCodeDelivery', params: ({ event }) => ({ codeDelivery: event.output }) },
            { type: 'setNotice', params: { notice: 'codeResent' } },
          ],
        },
        onError: { target: 'awaitingSignUpCode', actions: 'setError' },
      },
    },
    /** Confirmed with the password still in hand: the auth signs in (its own states, challenges included). */
    signingIn: {
      tags: 'busy',
      invoke: {
        id: 'signInAfterSignUp',
        src: 'signInAfterSignUp',
        input: ({ context }) => ({ signIn: context.signIn, credentials: context.autoSignIn! }),
        // Signed in: no welcome is left to show later (after a sign-out, say).
        onDone: { target: 'idle', actions: 'forgetFlow' },
        // The account is confirmed all the same: the sign-in page welcomes the user to sign in by hand.
        onError: { target: 'idle', actions: ['forgetAutoSignIn', { type: 'setNotice', params: { notice: 'signUpConfirmed' } }] },
      },
    },
    requestingPasswordReset: {
      tags: 'busy',
      invoke: {
        id: 'forgotPassword',
        src: 'forgotPassword',
        input: ({ context, event }) => {
          assertEvent(event, 'FORGOT_PASSWORD');
          return { ...machineInput(context), username: event.username };
        },
        onDone: {
          target: 'awaitingResetCode',
          actions: [
            { type: 'setCodeDelivery', params: ({ event }) => ({ codeDelivery: event.output }) },
            { type: 'setNotice', params: { notice: 'resetCodeSent' } },
          ],
        },
        onError: { target: 'idle', actions: 'setError' },
      },
    },
    awaitingResetCode: {},
    confirmingPasswordReset: {
      tags: 'busy',
      invoke: {
        id: 'confirmPasswordReset',
        src: 'confirmPasswordReset',
        input: ({ context, event }) => {
          assertEvent(event, 'CONFIRM_PASSWORD_RESET');
          const { username, code, newPassword } = event;
          return { ...machineInput(context), username, code, newPassword };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'passwordReset' } } },
        onError: { target: 'awaitingResetCode', actions: 'setError' },
      },
    },
  },
});
