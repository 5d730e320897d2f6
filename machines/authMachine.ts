import { assertEvent, type Actor } from 'xstate';
import { AuthError } from './AuthError.js';
import type { AuthContext } from './AuthContext.js';
import { authSetup } from './authSetup.js';
import { machineInput } from './machineInput.js';
import { setErrorFromActor } from './states/setErrorFromActor.js';
import { authenticatingState } from './states/authenticatingState.js';
import { signedInState } from './states/signedInState.js';
import { refreshingState } from './states/refreshingState.js';
import { signedOutState } from './states/signedOutState.js';

/** Another tab ended the session, yet storage may hold this tab's copy (a refresh answered here just after). */
const forgetOwnStoredCopy = {
  type: 'forgetStoredCopyOf',
  params: ({ context }: { context: AuthContext }) => ({ session: context.session }),
} as const;

/**
 * The session lifecycle as one statechart. The named states are the ones apps and tests see:
 * restoring → signedOut ⇄ authenticating → signedIn ⇄ refreshing → expired, and signingOut.
 * Implementations (actors, actions, guards, delays) are named in authSetup.ts.
 */
export const authMachine = authSetup.createMachine({
  id: 'auth',
  initial: 'restoring',
  context: ({ input }) => ({
    config: input.config,
    ports: input.ports,
    session: null,
    error: null,
    customState: null,
    endReason: null,
    refreshCount: 0,
    refreshFailures: 0,
    refreshAttempts: [],
    lastActivityAt: input.ports.clock.now(),
    storageWarning: null,
    challenge: null,
    newDevice: null,
    pendingUsername: null,
    endedSignIn: null,
    otherTabRefreshingSince: null,
  }),
  // Other tabs' news, wake-ups and user activity arrive for as long as the machine runs.
  invoke: [
    { id: 'listenToTabs', src: 'listenToTabs', input: ({ context }) => ({ channel: context.ports.channel }) },
    {
      id: 'listenForWake',
      src: 'listenForSignals',
      input: ({ context }) => ({ source: context.ports.wake, event: { type: 'WAKE' } }),
    },
    {
      id: 'listenForActivity',
      src: 'listenForSignals',
      input: ({ context }) => ({ source: context.ports.activity, event: { type: 'USER_ACTIVE' } }),
    },
  ],
  on: {
    // Activity counts in every state, and in the other tabs too (they may be idle, timing out).
    USER_ACTIVE: { actions: ['recordActivity', 'announceActivity'] },
    ACTIVE_ELSEWHERE: { actions: 'recordActivity' },
    /** Another tab's session ended; ours shares its tokens, so it ends the same way. */
    SIGNED_OUT_ELSEWHERE: [
      {
        guard: { type: 'hasSessionEndingAs', params: ({ event }) => ({ reason: event.reason, reasons: ['expired', 'revoked'] }) },
        target: '.expired',
        actions: [forgetOwnStoredCopy, { type: 'recordEndReason', params: ({ event }) => ({ reason: event.reason }) }],
      },
      // The user is gone: nothing to sign in to again, and the app says why.
      {
        guard: { type: 'hasSessionEndingAs', params: ({ event }) => ({ reason: event.reason, reasons: ['deleted'] }) },
        target: '.signedOut',
        actions: [forgetOwnStoredCopy, { type: 'recordEndReason', params: { reason: 'deleted' } }],
      },
      {
        guard: 'hasSession',
        target: '.signedOut',
        actions: [forgetOwnStoredCopy, { type: 'recordEndReason', params: { reason: 'otherTab' } }],
      },
    ],
    /**
     * DeleteUser succeeded: the user and every token of theirs are gone, so there is nothing to
     * revoke (not through signingOut). Storage is cleared and other tabs told; signedOut's entry
     * forgets the session. A device remembered for the user goes too: it can never sign in again.
     */
    ACCOUNT_DELETED: {
      guard: 'hasSession',
      target: '.signedOut',
      actions: [
        'forgetStoredSession',
        'forgetDeviceOfSession',
        { type: 'announce', params: { message: { kind: 'ended', reason: 'deleted' } } },
        { type: 'recordEndReason', params: { reason: 'deleted' } },
        'clearError',
      ],
    },
    STORAGE_FALLBACK: {
      actions: [
        { type: 'recordStorageFallback', params: ({ event }) => ({ error: event.error }) },
        { type: 'emitStorageFallback', params: ({ event }) => ({ error: event.error }) },
      ],
    },
  },
  states: {
    restoring: {
      tags: 'busy',
      on: {
        // Sent at start-up when the page is the redirect URI with managed login's answer.
        REDIRECT_RETURNED: { target: 'handlingRedirect' },
      },
      invoke: {
        id: 'restoreSession',
        src: 'restoreSession',
        input: ({ context }) => machineInput(context),
        onDone: [
          {
            guard: { type: 'restoredAs', params: ({ event }) => ({ result: event.output, status: 'usable' }) },
            target: 'signedIn',
            actions: [{ type: 'setSession', params: ({ event }) => ({ session: event.output.session }) }, 'startSession'],
          },
          {
            guard: { type: 'restoredAs', params: ({ event }) => ({ result: event.output, status: 'refreshable' }) },
            target: 'refreshing',
            actions: [{ type: 'setSession', params: ({ event }) => ({ session: event.output.session }) }, 'startSession'],
          },
          {
            guard: { type: 'restoredAs', params: ({ event }) => ({ result: event.output, status: 'invalid' }) },
            target: 'signedOut',
            actions: [
              'forgetStoredSession',
              { type: 'setError', params: ({ event }) => ({ error: event.output.error }) },
              { type: 'recordEndReason', params: { reason: 'invalidStorage' } },
            ],
          },
          { target: 'signedOut' },
        ],
        // Only an unexpected fault gets here (storage is guarded); the data cannot be trusted.
        onError: {
          target: 'signedOut',
          actions: ['forgetStoredSession', setErrorFromActor, { type: 'recordEndReason', params: { reason: 'invalidStorage' } }],
        },
      },
    },
    /** Back from managed login: the code is exchanged for tokens, or the refusal reported. */
    handlingRedirect: {
      tags: 'busy',
      invoke: {
        id: 'completeRedirect',
        src: 'completeRedirect',
        input: ({ context, event }) => {
          assertEvent(event, 'REDIRECT_RETURNED');
          return { ...machineInput(context), response: event.response };
        },
        onDone: {
          target: 'signedIn',
          actions: [
            { type: 'setSession', params: ({ event }) => ({ session: event.output.session }) },
            'persistSession',
            'announceStoredSession',
            'rememberHostedSignIn',
            'startSession',
            'clearError',
            { type: 'setCustomState', params: ({ event }) => ({ customState: event.output.customState }) },
          ],
        },
        // What storage holds (often nothing) decides where this tab is; the error says why not signed in.
        onError: { target: 'restoring', actions: setErrorFromActor },
      },
    },
    /** To managed login: the pending request is kept in this tab and the page navigates away. */
    redirecting: {
      tags: 'busy',
      entry: 'clearError',
      initial: 'navigating',
      on: { CANCEL: { target: 'signedOut' } },
      states: {
        navigating: {
          invoke: {
            id: 'startRedirect',
            src: 'startRedirect',
            input: ({ context, event }) => {
              assertEvent(event, 'SIGN_IN_WITH_REDIRECT');
              return { ...machineInput(context), options: event.options };
            },
            onDone: { target: 'leaving' },
            onError: { target: '#auth.signedOut', actions: setErrorFromActor },
          },
        },
        /** The navigation is asked for; the sign-in page replaces this one. If it has not by then, the app gets control back. */
        leaving: {
          after: {
            redirectTimeout: {
              target: '#auth.signedOut',
              actions: {
                type: 'setError',
                params: () => ({ error: new AuthError('redirectFailed', 'The sign-in page did not open; please try again.') }),
              },
            },
          },
        },
      },
    },
    signedOut: signedOutState,
    authenticating: authenticatingState,
    signedIn: signedInState,
    refreshing: refreshingState,
    /** Another tab stored a session: take it as it is, if it is usable. */
    syncing: {
      tags: 'busy',
      // The other tab's refresh, if it announced one, has ended: this is its news.
      entry: 'forgetOtherTabRefreshing',
      invoke: {
        id: 'readSharedSession',
        src: 'restoreSession',
        // What the other tab wrote, as its message carries it: this tab's storage may lag behind.
        input: ({ context, event }) => {
          assertEvent(event, 'SESSION_CHANGED_ELSEWHERE');
          return { ...machineInput(context), stored: event.stored };
        },
        onDone: [
          // A refresh that crossed this tab's sign-out: the user ended that sign-in here.
          {
            guard: { type: 'storedIsEndedSignIn', params: ({ event }) => ({ result: event.output }) },
            target: 'signedOut',
            actions: { type: 'forgetStoredCopyOf', params: ({ event }) => ({ session: event.output.session! }) },
          },
          {
            guard: { type: 'restoredAs', params: ({ event }) => ({ result: event.output, status: 'usable' }) },
            target: 'signedIn',
            actions: [{ type: 'setSession', params: ({ event }) => ({ session: event.output.session }) }, 'startSession', 'clearError'],
          },
          {
            guard: { type: 'restoredAs', params: ({ event }) => ({ result: event.output, status: 'refreshable' }) },
            target: 'refreshing',
            actions: [{ type: 'setSession', params: ({ event }) => ({ session: event.output.session }) }, 'startSession'],
          },
          // Nothing usable is stored any more: signed out elsewhere (and bad data is cleared).
          {
            guard: 'hasSession',
            target: 'signedOut',
            actions: ['forgetStoredSession', { type: 'recordEndReason', params: { reason: 'otherTab' } }],
          },
          { target: 'signedOut', actions: 'forgetStoredSession' },
        ],
        onError: { target: 'signedOut', actions: 'forgetStoredSession' },
      },
    },
    /** The session can no longer be refreshed; the username stays to pre-fill the sign-in again. */
    expired: {
      entry: ['rememberUsername', { type: 'forgetSession', params: { keepTokensToRevoke: false } }],
      on: {
        SESSION_CHANGED_ELSEWHERE: { target: 'syncing' },
        SIGN_IN: { target: 'authenticating', actions: 'clearError' },
        SIGN_IN_WITH_REDIRECT: { guard: 'hasOAuth', target: 'redirecting' },
        SIGN_OUT: { target: 'signedOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
      },
    },
    /**
     * Storage is cleared and other tabs are told first, so a reload during sign-out cannot bring
     * the session back; only the tokens being revoked stay until signedOut.
     */
    signingOut: {
      tags: 'busy',
      on: {
        // Tabs sharing the session often end it together (the same idle timeout): this tab's
        // own reason stands, and its revoke runs to the end.
        SIGNED_OUT_ELSEWHERE: {},
      },
      entry: [
        'forgetStoredSession',
        {
          type: 'announce',
          params: ({ context }) => ({ message: { kind: 'ended', reason: context.endReason ?? 'user' } }),
        },
        { type: 'forgetSession', params: { keepTokensToRevoke: true } },
      ],
      invoke: {
        id: 'revokeSession',
        src: 'revokeSession',
        // Timers (idle, maximum age) sign out too; only the user's SIGN_OUT can ask for `global`.
        input: ({ context, event }) => ({
          ...machineInput(context),
          session: context.session,
          global: event.type === 'SIGN_OUT' && event.global === true,
        }),
        // The reason (user, idle, maxAge) was recorded on the way in.
        onDone: { target: 'signedOut', actions: ['clearError', 'endHostedSession'] },
        // revokeSession never rejects; should a replacement do so, sign-out still completes.
        onError: { target: 'signedOut', actions: ['clearError', 'endHostedSession'] },
      },
    },
  },
});

/** A running auth actor, as `createAuth` returns it. */
export type AuthActor = Actor<typeof authMachine>;
