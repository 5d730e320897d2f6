import type { Actor } from 'xstate';
import { authSetup } from './authSetup.js';
import { authenticatingState } from './states/authenticatingState.js';
import { signedInState } from './states/signedInState.js';
import { refreshingState } from './states/refreshingState.js';
import { signedOutState } from './states/signedOutState.js';

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
    endReason: null,
    refreshCount: 0,
    refreshFailures: 0,
    refreshAttempts: [],
    lastActivityAt: input.ports.clock.now(),
    storageWarning: null,
    challenge: null,
    pendingUsername: null,
    codeDelivery: null,
    notice: null,
    autoSignIn: null,
    totpSetup: null,
    refreshApiInUse: null,
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
        actions: [
          'rememberUsername',
          'forgetOwnStoredSession',
          'clearSession',
          'clearTotpSetup',
          { type: 'endSession', params: ({ event }) => ({ reason: event.reason }) },
        ],
      },
      {
        guard: 'hasSession',
        target: '.signedOut',
        actions: [
          'forgetOwnStoredSession',
          'clearSession',
          'clearTotpSetup',
          { type: 'endSession', params: { reason: 'otherTab' } },
        ],
      },
    ],
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
      invoke: {
        id: 'restoreSession',
        src: 'restoreSession',
        input: ({ context }) => ({ config: context.config, ports: context.ports }),
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
              { type: 'endSession', params: { reason: 'invalidStorage' } },
            ],
          },
          { target: 'signedOut' },
        ],
        // Only an unexpected fault gets here (storage is guarded); the data cannot be trusted.
        onError: {
          target: 'signedOut',
          actions: [
            'forgetStoredSession',
            { type: 'setError', params: ({ event }) => ({ error: event.error }) },
            { type: 'endSession', params: { reason: 'invalidStorage' } },
          ],
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
      invoke: {
        id: 'readSharedSession',
        src: 'restoreSession',
        // What the other tab wrote, as its message carries it: this tab's storage may lag behind.
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          ...(event.type === 'SESSION_CHANGED_ELSEWHERE' ? { stored: event.stored } : {}),
        }),
        onDone: [
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
            actions: ['forgetStoredSession', 'clearSession', { type: 'endSession', params: { reason: 'otherTab' } }],
          },
          { target: 'signedOut', actions: 'forgetStoredSession' },
        ],
        onError: { target: 'signedOut', actions: ['forgetStoredSession', 'clearSession'] },
      },
    },
    expired: {
      on: {
        SESSION_CHANGED_ELSEWHERE: { target: 'syncing' },
        SIGN_IN: { target: 'authenticating', actions: 'clearError' },
        SIGN_OUT: { target: 'signedOut', actions: { type: 'endSession', params: { reason: 'user' } } },
      },
    },
    signingOut: {
      // Cleared first, so a reload during sign-out cannot bring the session back.
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
      ],
      invoke: {
        id: 'revokeSession',
        src: 'revokeSession',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          session: context.session,
          global: event.type === 'SIGN_OUT' && event.global === true,
        }),
        // The reason (user, idle, maxAge) was recorded on the way in.
        onDone: { target: 'signedOut', actions: ['clearSession', 'clearError'] },
        // revokeSession never rejects; should a replacement do so, sign-out still completes.
        onError: { target: 'signedOut', actions: ['clearSession', 'clearError'] },
      },
    },
  },
});

/** A running auth actor, as `createAuth` returns it. */
export type AuthActor = Actor<typeof authMachine>;
