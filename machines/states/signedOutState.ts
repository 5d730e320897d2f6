import { authSetup } from '../authSetup.js';

/**
 * No session. Sign-up and password reset are the `authchart/account` entry's own chart; here
 * the app waits for a sign-in, in this tab or another.
 */
export const signedOutState = authSetup.createStateConfig({
  initial: 'idle',
  // Whatever path led here (sign-out, another tab, a failed sign-in), nothing of a session stays.
  entry: { type: 'forgetSession', params: { keepTokensToRevoke: false } },
  on: {
    SIGN_IN: { target: '#auth.authenticating', actions: 'clearError' },
    SIGN_IN_WITH_REDIRECT: { guard: 'hasOAuth', target: '#auth.redirecting' },
    CANCEL: { target: '.idle', actions: 'clearError' },
  },
  states: {
    idle: {
      // Signed in in another tab: this tab follows.
      on: { SESSION_CHANGED_ELSEWHERE: { target: '#auth.syncing' } },
    },
  },
});
