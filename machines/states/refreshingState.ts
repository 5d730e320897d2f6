import { authSetup } from '../authSetup.js';
import type { RestoreResult } from '../AuthContext.js';
import { machineInput } from '../machineInput.js';
import { otherTabRefreshNews } from './otherTabRefreshNews.js';
import { setErrorFromActor } from './setErrorFromActor.js';

/**
 * Another tab stored a session (its refresh, most often, which this tab was waiting to make):
 * take it from the message, which carries what was stored. This tab's own read of storage may
 * not show it yet (Chromium updates each page's copy of localStorage by a message of its own,
 * which can arrive after the lock is granted), and refreshing again would spend a rotated token.
 */
const takeOtherTabsSession = { SESSION_CHANGED_ELSEWHERE: { target: '#auth.syncing' } } as const;

/** What a read of storage (restoreSession) answered. */
type StoredRead = { event: { output: RestoreResult } };

/** Storage holds another tab's fresh tokens: use them rather than refresh (again). */
const adoptFresherStored = {
  guard: { type: 'storedIsFresher', params: ({ event }: StoredRead) => ({ result: event.output }) },
  target: '#auth.signedIn',
  actions: [{ type: 'setSession', params: ({ event }: StoredRead) => ({ session: event.output.session }) }, 'clearError'],
} as const;

/** The refresh token was refused: the session is over here and in every tab sharing it. */
const endAsExpired = {
  target: '#auth.expired',
  actions: [
    'forgetStoredSession',
    { type: 'announce', params: { message: { kind: 'ended', reason: 'expired' } } },
    { type: 'recordEndReason', params: { reason: 'expired' } },
  ],
} as const;

/**
 * One refresh, whoever asked. `locked` holds the cross-tab lock (released on leaving it), then
 * reads storage again: a tab that refreshed meanwhile has left fresh tokens there, and a rotated
 * refresh token must be used instead of this tab's spent one. Backoff waits happen unlocked.
 */
export const refreshingState = authSetup.createStateConfig({
  initial: 'gate',
  on: {
    SIGN_OUT: { target: '#auth.signingOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
    ...otherTabRefreshNews,
  },
  states: {
    /** The storm guard: too many requests in the last minute means waiting, not asking. */
    gate: {
      always: [{ guard: 'refreshStorm', target: 'retrying' }, { target: 'locked' }],
    },
    locked: {
      invoke: {
        id: 'holdRefreshLock',
        src: 'holdRefreshLock',
        input: ({ context }) => ({ lock: context.ports.lock }),
      },
      initial: 'waitingForLock',
      states: {
        waitingForLock: {
          tags: 'busy',
          on: {
            LOCK_ACQUIRED: [{ guard: 'otherTabRefreshing', target: 'awaitingOtherTab' }, { target: 'checkingStorage' }],
            ...takeOtherTabsSession,
          },
        },
        /**
         * The tab that held the lock announced a refresh and has let go; its outcome is a message
         * away. Storage cannot decide it: in Chromium a tab's copy of localStorage can still be
         * the old one when the lock is granted, and refreshing with it spends a rotated token.
         * So wait for that tab's news, briefly (it may have died mid-refresh).
         */
        awaitingOtherTab: {
          tags: 'busy',
          // No news in time: that tab died mid-refresh; what storage holds decides.
          after: { otherTabNewsDue: { target: 'checkingStorage', actions: 'forgetOtherTabRefreshing' } },
          on: {
            ...takeOtherTabsSession,
            REFRESH_FAILED_ELSEWHERE: { target: 'checkingStorage', actions: 'forgetOtherTabRefreshing' },
          },
        },
        checkingStorage: {
          tags: 'busy',
          on: takeOtherTabsSession,
          invoke: {
            id: 'readStoredSession',
            src: 'restoreSession',
            input: ({ context }) => machineInput(context),
            onDone: [
              adoptFresherStored,
              {
                guard: { type: 'storedHasOtherRefreshToken', params: ({ event }) => ({ result: event.output }) },
                target: 'requesting',
                actions: { type: 'setSession', params: ({ event }) => ({ session: event.output.session }) },
              },
              { target: 'requesting' },
            ],
            onError: { target: 'requesting' },
          },
        },
        requesting: {
          tags: 'busy',
          entry: { type: 'announce', params: { message: { kind: 'refreshing' } } },
          invoke: {
            id: 'refreshSession',
            src: 'refreshSession',
            input: ({ context }) => ({
              ...machineInput(context),
              session: context.session!,
              refreshApi: context.config.refreshApi,
              unconfirmedDevice: context.newDevice,
            }),
            onDone: {
              target: '#auth.signedIn',
              actions: [
                { type: 'setSession', params: ({ event }) => ({ session: event.output.session }) },
                'forgetNewDevice',
                'persistSession',
                'announceStoredSession',
                'countRefresh',
                'recordRefresh',
                'forgetOtherTabRefreshing',
                'clearError',
              ],
            },
            // Tabs waiting for this refresh's news hear it: they need not wait out their patience.
            onError: [
              {
                guard: { type: 'refreshRefused', params: ({ event }) => ({ error: event.error }) },
                target: 'confirmingRefusal',
                actions: [setErrorFromActor, { type: 'announce', params: { message: { kind: 'refreshFailed' } } }],
              },
              {
                target: '#auth.refreshing.retrying',
                actions: [setErrorFromActor, 'countRefreshFailure', { type: 'announce', params: { message: { kind: 'refreshFailed' } } }],
              },
            ],
          },
        },
        /**
         * Refused: unless another tab has stored fresh tokens meanwhile (it rotated the refresh
         * token this tab just used), the session is over.
         */
        confirmingRefusal: {
          tags: 'busy',
          on: takeOtherTabsSession,
          invoke: {
            id: 'rereadStoredSession',
            src: 'restoreSession',
            input: ({ context }) => machineInput(context),
            onDone: [
              adoptFresherStored,
              endAsExpired,
            ],
            // restoreSession never rejects; should a replacement do so, the refusal stands.
            onError: endAsExpired,
          },
        },
      },
    },
    /** A transient failure (network, 5xx, throttling): the session stays; try again later. */
    retrying: {
      after: { refreshRetry: { target: 'gate' } },
      // Back online, back in view, or asked: try now (the storm guard still applies).
      on: { REFRESH: { target: 'gate' }, WAKE: { target: 'gate' }, ...takeOtherTabsSession },
    },
  },
});
