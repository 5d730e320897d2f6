import type { Actor } from 'xstate';
import { authSetup } from './authSetup.js';
import { authenticatingState } from './states/authenticatingState.js';
import { signedInState } from './states/signedInState.js';
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
    storageWarning: null,
    challenge: null,
    pendingUsername: null,
    codeDelivery: null,
    notice: null,
    autoSignIn: null,
    totpSetup: null,
  }),
  on: {
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
    refreshing: {
      initial: 'requesting',
      on: { SIGN_OUT: { target: 'signingOut' } },
      states: {
        requesting: {
          tags: 'busy',
          invoke: {
            id: 'refreshSession',
            src: 'refreshSession',
            input: ({ context }) => ({ config: context.config, ports: context.ports, session: context.session! }),
            onDone: {
              target: '#auth.signedIn',
              actions: [
                { type: 'setSession', params: ({ event }) => ({ session: event.output }) },
                'persistSession',
                'countRefresh',
                'clearError',
              ],
            },
            onError: [
              {
                guard: { type: 'refreshRefused', params: ({ event }) => ({ error: event.error }) },
                target: '#auth.expired',
                actions: [
                  { type: 'setError', params: ({ event }) => ({ error: event.error }) },
                  'clearSession',
                  'forgetStoredSession',
                  { type: 'endSession', params: { reason: 'expired' } },
                ],
              },
              {
                target: 'retrying',
                actions: [{ type: 'setError', params: ({ event }) => ({ error: event.error }) }, 'countRefreshFailure'],
              },
            ],
          },
        },
        /** A transient failure (network, 5xx, throttling): the session stays; try again later. */
        retrying: {
          after: { refreshRetry: { target: 'requesting' } },
          on: { REFRESH: { target: 'requesting' } },
        },
      },
    },
    expired: {
      on: {
        SIGN_IN: { target: 'authenticating', actions: 'clearError' },
        SIGN_OUT: { target: 'signedOut', actions: { type: 'endSession', params: { reason: 'user' } } },
      },
    },
    signingOut: {
      // Cleared first, so a reload during sign-out cannot bring the session back.
      tags: 'busy',
      entry: 'forgetStoredSession',
      invoke: {
        id: 'revokeSession',
        src: 'revokeSession',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          session: context.session,
          global: event.type === 'SIGN_OUT' && event.global === true,
        }),
        onDone: {
          target: 'signedOut',
          actions: ['clearSession', 'clearError', { type: 'endSession', params: { reason: 'user' } }],
        },
        // revokeSession never rejects; should a replacement do so, sign-out still completes.
        onError: {
          target: 'signedOut',
          actions: ['clearSession', 'clearError', { type: 'endSession', params: { reason: 'user' } }],
        },
      },
    },
  },
});

/** A running auth actor, as `createAuth` returns it. */
export type AuthActor = Actor<typeof authMachine>;
