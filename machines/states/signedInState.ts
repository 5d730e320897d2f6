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
 * Signed in with unexpired tokens: `idle` (the idle timer runs) or `stillThere` (the idle
 * warning). The proactive refresh is due in either, before the tokens expire. The user's own
 * settings requests run in the account settings' chart (authchart/account), never here, so no
 * refresh waits for one or cuts one short.
 */
export const signedInState = authSetup.createStateConfig({
  initial: 'idle',
  after: {
    // Moving between idle and stillThere keeps this timer: it depends on the tokens alone.
    refreshDue: { target: '#auth.refreshing' },
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
      },
    },
    /**
     * No activity for the idle timeout: the app asks "still there?"; silence signs out. A refresh
     * due meanwhile still happens (signedIn's timer) and comes back through `idle`, whose timers
     * count from the last activity: the warning goes on where it was.
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
  },
});
