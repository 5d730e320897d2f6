import { assertEvent } from 'xstate';
import { AuthError } from '../AuthError.js';
import { authSetup } from '../authSetup.js';
import { machineInput } from '../machineInput.js';
import { otherTabRefreshNews } from './otherTabRefreshNews.js';
import { setErrorFromActor } from './setErrorFromActor.js';

const revokedError = () => new AuthError('sessionRevoked', 'The API no longer accepts this session; please sign in again.');

/** A refresh asked for (REFRESH, or a 401 from the API for the tokens in use). */
const refreshOnRequest = {
  // Asked to refresh (by auth.fetch, getTokens or the app): requests in flight were waited for.
  REFRESH: { target: '#auth.refreshing' },
  TOKEN_REJECTED: {
    guard: { type: 'isCurrentToken', params: ({ event }: { event: { tokenId: string } }) => ({ tokenId: event.tokenId }) },
    target: '#auth.refreshing',
  },
} as const;

/**
 * Signed in with unexpired tokens. Refreshes start from `idle` (and `stillThere`) only: the
 * proactive timer, REFRESH and a 401 wait for an account request in flight instead of cutting
 * it short (Cognito may have done it already). Should that request outlast the tokens
 * themselves, the expiry timer here ends it and refreshes.
 */
export const signedInState = authSetup.createStateConfig({
  initial: 'idle',
  after: {
    sessionExpiry: { target: '#auth.refreshing' },
    maxSessionAgeDue: {
      guard: 'maxSessionAgeOn',
      target: '#auth.signingOut',
      actions: { type: 'recordEndReason', params: { reason: 'maxAge' } },
    },
  },
  on: {
    SESSION_REVOKED: {
      guard: { type: 'isCurrentToken', params: ({ event }) => ({ tokenId: event.tokenId }) },
      target: '#auth.expired',
      actions: [
        { type: 'setError', params: () => ({ error: revokedError() }) },
        'forgetStoredSession',
        { type: 'announce', params: { message: { kind: 'ended', reason: 'revoked' } } },
        { type: 'recordEndReason', params: { reason: 'revoked' } },
      ],
    },
    SIGN_OUT: { target: '#auth.signingOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
    ...otherTabRefreshNews,
  },
  states: {
    idle: {
      after: {
        refreshDue: { target: '#auth.refreshing' },
        idleDue: { guard: 'idleTimeoutOn', target: 'stillThere' },
      },
      on: {
        // Timers may have slept with the page: arm them again from the clock as it is now.
        WAKE: { target: '#auth.signedIn', reenter: true },
        ...refreshOnRequest,
        // Activity restarts the idle countdown (the port throttles it) and counts in other tabs.
        // Theirs is not announced back: two tabs would echo one mouse move between them forever.
        USER_ACTIVE: { target: 'idle', reenter: true, actions: ['recordActivity', 'announceActivity'] },
        ACTIVE_ELSEWHERE: { target: 'idle', reenter: true, actions: 'recordActivity' },
        SESSION_CHANGED_ELSEWHERE: { target: '#auth.syncing' },
        CHANGE_PASSWORD: { target: 'changingPassword', actions: ['clearError', 'clearNotice'] },
        // A new secret replaces any earlier one, which Cognito will no longer verify.
        SET_UP_TOTP: { target: 'settingUpTotp', actions: ['clearTotpSetup', 'clearError', 'clearNotice'] },
        VERIFY_TOTP: { guard: 'hasTotpSetup', target: 'verifyingTotp', actions: ['clearError', 'clearNotice'] },
        SET_MFA_PREFERENCE: { target: 'savingMfaPreference', actions: ['clearError', 'clearNotice'] },
        CANCEL: { actions: ['clearTotpSetup', 'clearError', 'clearNotice'] },
      },
    },
    /**
     * No activity for the idle timeout: the app asks "still there?"; silence signs out. The
     * warning is short, so no refresh timer here: tokens expiring meanwhile still refresh
     * (signedIn's expiry timer), and auth.fetch refreshes whatever is due.
     */
    stillThere: {
      after: {
        idleWarning: {
          target: '#auth.signingOut',
          actions: { type: 'recordEndReason', params: { reason: 'idle' } },
        },
      },
      on: {
        USER_ACTIVE: { target: 'idle', actions: ['recordActivity', 'announceActivity'] },
        ACTIVE_ELSEWHERE: { target: 'idle', actions: 'recordActivity' },
        WAKE: { target: '#auth.signedIn', reenter: true },
        ...refreshOnRequest,
      },
    },
    changingPassword: {
      tags: 'busy',
      invoke: {
        id: 'changePassword',
        src: 'changePassword',
        input: ({ context, event }) => {
          assertEvent(event, 'CHANGE_PASSWORD');
          const { previousPassword, proposedPassword } = event;
          return { ...machineInput(context), session: context.session!, previousPassword, proposedPassword };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'passwordChanged' } } },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    settingUpTotp: {
      tags: 'busy',
      invoke: {
        id: 'setUpTotp',
        src: 'setUpTotp',
        input: ({ context }) => ({ ...machineInput(context), session: context.session! }),
        onDone: { target: 'idle', actions: { type: 'setTotpSetup', params: ({ event }) => ({ totpSetup: event.output }) } },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    verifyingTotp: {
      tags: 'busy',
      invoke: {
        id: 'verifyTotp',
        src: 'verifyTotp',
        input: ({ context, event }) => {
          assertEvent(event, 'VERIFY_TOTP');
          return { ...machineInput(context), session: context.session!, code: event.code };
        },
        onDone: { target: 'idle', actions: ['clearTotpSetup', { type: 'setNotice', params: { notice: 'totpEnabled' } }] },
        // The secret stays, so the user can try the next code.
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    savingMfaPreference: {
      tags: 'busy',
      invoke: {
        id: 'setMfaPreference',
        src: 'setMfaPreference',
        input: ({ context, event }) => {
          assertEvent(event, 'SET_MFA_PREFERENCE');
          return { ...machineInput(context), session: context.session!, totp: event.totp };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'mfaPreferenceSaved' } } },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
  },
});
