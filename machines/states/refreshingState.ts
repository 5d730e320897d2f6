import { authSetup } from '../authSetup.js';
import type { RestoreResult } from '../authMachine.types.js';

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

/**
 * One refresh, whoever asked. `locked` holds the cross-tab lock (released on leaving it), then
 * reads storage again: a tab that refreshed meanwhile has left fresh tokens there, and a rotated
 * refresh token must be used instead of this tab's spent one. Backoff waits happen unlocked.
 */
export const refreshingState = authSetup.createStateConfig({
  initial: 'gate',
  on: {
    SIGN_OUT: { target: '#auth.signingOut', actions: { type: 'endSession', params: { reason: 'user' } } },
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
            LOCK_ACQUIRED: { target: 'checkingStorage' },
            ...takeOtherTabsSession,
          },
        },
        checkingStorage: {
          tags: 'busy',
          on: takeOtherTabsSession,
          invoke: {
            id: 'readStoredSession',
            src: 'restoreSession',
            input: ({ context }) => ({ config: context.config, ports: context.ports }),
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
          invoke: {
            id: 'refreshSession',
            src: 'refreshSession',
            input: ({ context }) => ({
              config: context.config,
              ports: context.ports,
              session: context.session!,
              refreshApi: context.refreshApiInUse ?? context.config.refreshApi,
            }),
            onDone: {
              target: '#auth.signedIn',
              actions: [
                { type: 'setSession', params: ({ event }) => ({ session: event.output.session }) },
                { type: 'setRefreshApi', params: ({ event }) => ({ refreshApi: event.output.refreshApi }) },
                'persistSession',
                'announceStoredSession',
                'countRefresh',
                'recordRefresh',
                'clearError',
              ],
            },
            onError: [
              {
                guard: { type: 'refreshRefused', params: ({ event }) => ({ error: event.error }) },
                target: 'confirmingRefusal',
                actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) },
              },
              {
                target: '#auth.refreshing.retrying',
                actions: [{ type: 'setError', params: ({ event }) => ({ error: event.error }) }, 'countRefreshFailure'],
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
            input: ({ context }) => ({ config: context.config, ports: context.ports }),
            onDone: [
              adoptFresherStored,
              {
                target: '#auth.expired',
                actions: [
                  'rememberUsername',
                  'clearSession',
                  'forgetStoredSession',
                  { type: 'announce', params: { message: { kind: 'ended', reason: 'expired' } } },
                  { type: 'endSession', params: { reason: 'expired' } },
                ],
              },
            ],
            onError: {
              target: '#auth.expired',
              actions: ['rememberUsername', 'clearSession', 'forgetStoredSession', { type: 'endSession', params: { reason: 'expired' } }],
            },
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
