import { authSetup } from '../authSetup.js';

/**
 * No session. Sign-up, its confirmation and password reset happen here: each request is a
 * child state (tagged busy), each wait for a code a child state the app shows a form for.
 */
export const signedOutState = authSetup.createStateConfig({
  initial: 'idle',
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
    FORGOT_PASSWORD: {
      target: '.requestingPasswordReset',
      actions: ['clearError', 'clearNotice', { type: 'setPendingUsername', params: ({ event }) => ({ username: event.username }) }],
    },
    CONFIRM_PASSWORD_RESET: { target: '.confirmingPasswordReset', actions: ['clearError', 'clearNotice'] },
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
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          username: event.type === 'SIGN_UP' ? event.username : '',
          password: event.type === 'SIGN_UP' ? event.password : '',
          attributes: event.type === 'SIGN_UP' ? (event.attributes ?? {}) : {},
        }),
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
          actions: [{ type: 'setError', params: ({ event }) => ({ error: event.error }) }, 'forgetAutoSignIn'],
        },
      },
    },
    awaitingSignUpCode: {},
    confirmingSignUp: {
      tags: 'busy',
      invoke: {
        id: 'confirmSignUp',
        src: 'confirmSignUp',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          username: event.type === 'CONFIRM_SIGN_UP' ? event.username : '',
          code: event.type === 'CONFIRM_SIGN_UP' ? event.code : '',
        }),
        onDone: [
          {
            guard: { type: 'canAutoSignIn', params: ({ event }) => ({ username: event.output.username, confirmed: true }) },
            target: '#auth.authenticating',
            actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } },
          },
          { target: 'idle', actions: { type: 'setNotice', params: { notice: 'signUpConfirmed' } } },
        ],
        onError: { target: 'awaitingSignUpCode', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    resendingSignUpCode: {
      tags: 'busy',
      invoke: {
        id: 'resendSignUpCode',
        src: 'resendSignUpCode',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          username: event.type === 'RESEND_SIGN_UP_CODE' ? event.username : '',
        }),
        onDone: {
          target: 'awaitingSignUpCode',
          actions: [
            { type: 'setCodeDelivery', params: ({ event }) => ({ codeDelivery: event.output }) },
            { type: 'setNotice', params: { notice: 'codeResent' } },
          ],
        },
        onError: { target: 'awaitingSignUpCode', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    requestingPasswordReset: {
      tags: 'busy',
      invoke: {
        id: 'forgotPassword',
        src: 'forgotPassword',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          username: event.type === 'FORGOT_PASSWORD' ? event.username : '',
        }),
        onDone: {
          target: 'awaitingResetCode',
          actions: [
            { type: 'setCodeDelivery', params: ({ event }) => ({ codeDelivery: event.output }) },
            { type: 'setNotice', params: { notice: 'resetCodeSent' } },
          ],
        },
        onError: { target: 'idle', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    awaitingResetCode: {},
    confirmingPasswordReset: {
      tags: 'busy',
      invoke: {
        id: 'confirmPasswordReset',
        src: 'confirmPasswordReset',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          username: event.type === 'CONFIRM_PASSWORD_RESET' ? event.username : '',
          code: event.type === 'CONFIRM_PASSWORD_RESET' ? event.code : '',
          newPassword: event.type === 'CONFIRM_PASSWORD_RESET' ? event.newPassword : '',
        }),
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'passwordReset' } } },
        onError: { target: 'awaitingResetCode', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});
