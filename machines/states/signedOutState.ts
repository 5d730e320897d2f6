import { assertEvent } from 'xstate';
import { authSetup } from '../authSetup.js';
import { machineInput } from '../machineInput.js';
import { setErrorFromActor } from './setErrorFromActor.js';

/**
 * No session. Sign-up, its confirmation and password reset happen here: each request is a
 * child state (tagged busy), each wait for a code a child state the app shows a form for.
 */
export const signedOutState = authSetup.createStateConfig({
  initial: 'idle',
  // Whatever path led here (sign-out, another tab, a failed sign-in), nothing of a session stays.
  entry: { type: 'forgetSession', params: { keepTokensToRevoke: false } },
  on: {
    SIGN_IN: { target: '#auth.authenticating', actions: ['clearError', 'clearNotice'] },
    SIGN_UP: {
      target: '.signingUp',
      actions: [
        'clearError',
        'clearNotice',
        { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) },
        {
          type: 'rememberAutoSignIn',
          params: ({ event }) => ({
            credentials: event.autoSignIn ? { username: event.username.trim(), password: event.password } : null,
          }),
        },
      ],
    },
    CONFIRM_SIGN_UP: {
      target: '.confirmingSignUp',
      actions: ['clearError', 'clearNotice', { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) }],
    },
    RESEND_SIGN_UP_CODE: { target: '.resendingSignUpCode', actions: ['clearError', 'clearNotice'] },
    // A password reset leaves any sign-up behind, and the password kept for its sign-in with it.
    FORGOT_PASSWORD: {
      target: '.requestingPasswordReset',
      actions: [
        'clearError',
        'clearNotice',
        'forgetAutoSignIn',
        { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) },
      ],
    },
    CONFIRM_PASSWORD_RESET: { target: '.confirmingPasswordReset', actions: ['clearError', 'clearNotice', 'forgetAutoSignIn'] },
    CANCEL: { target: '.idle', actions: ['clearError', 'clearNotice', 'forgetAutoSignIn'] },
  },
  states: {
    idle: {
      // Signed in in another tab: this tab follows. (Not during a sign-up or reset in progress.)
      on: { SESSION_CHANGED_ELSEWHERE: { target: '#auth.syncing' } },
    },
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
            guard: {
              type: 'canAutoSignIn',
              params: ({ event }) => ({ username: event.output.username, confirmed: event.output.userConfirmed }),
            },
            target: '#auth.authenticating',
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
        onError: {
          target: 'idle',
          actions: [setErrorFromActor, 'forgetAutoSignIn'],
        },
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
            target: '#auth.authenticating',
            actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } },
          },
          { target: 'idle', actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } } },
        ],
        onError: { target: 'awaitingSignUpCode', actions: setErrorFromActor },
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
        onError: { target: 'awaitingSignUpCode', actions: setErrorFromActor },
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
        onError: { target: 'idle', actions: setErrorFromActor },
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
        onError: { target: 'awaitingResetCode', actions: setErrorFromActor },
      },
    },
  },
});
