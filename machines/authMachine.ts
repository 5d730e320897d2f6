import { assertEvent, assign, emit, setup, type Actor } from 'xstate';
import { AuthError, toAuthError } from './AuthError.js';
import { refreshSession } from './actors/refreshSession.js';
import { restoreSession } from './actors/restoreSession.js';
import { revokeSession } from './actors/revokeSession.js';
import { signInWithPassword } from './actors/signInWithPassword.js';
import type {
  AuthContext,
  AuthEmitted,
  AuthEvent,
  AuthMachineInput,
  RestoreResult,
  SessionEndReason,
} from './authMachine.types.js';
import { serializeSession } from './storage/storedSession.js';
import { isTokenOf, msUntilRefresh, type Session } from './tokens/Session.js';

/**
 * The session lifecycle. Every action, guard, actor and delay is named here and referred to by
 * string in the chart, so tests and apps can swap any of them with `.provide()`.
 */
export const authMachine = setup({
  types: {
    /** `busy`: a request or restore is in flight; wait for it before reading tokens. */
    tags: {} as 'busy',
    context: {} as AuthContext,
    events: {} as AuthEvent,
    input: {} as AuthMachineInput,
    emitted: {} as AuthEmitted,
  },
  actors: { restoreSession, signInWithPassword, refreshSession, revokeSession },
  actions: {
    setSession: assign((_, params: { session: Session | undefined }) => ({ session: params.session ?? null })),
    clearSession: assign({ session: null }),
    persistSession: ({ context }) => {
      if (context.session) context.ports.storage.setItem(context.config.storageKey, serializeSession(context.session));
    },
    forgetStoredSession: ({ context }) => {
      context.ports.storage.removeItem(context.config.storageKey);
    },
    setError: assign((_, params: { error: unknown }) => ({ error: toAuthError(params.error) })),
    clearError: assign({ error: null }),
    endSession: assign((_, params: { reason: SessionEndReason }) => ({ endReason: params.reason })),
    startSession: assign({ endReason: null, refreshFailures: 0 }),
    countRefresh: assign({ refreshCount: ({ context }) => context.refreshCount + 1, refreshFailures: 0 }),
    countRefreshFailure: assign({ refreshFailures: ({ context }) => context.refreshFailures + 1 }),
    recordStorageFallback: assign((_, params: { error: AuthError }) => ({ storageWarning: params.error })),
    emitStorageFallback: emit((_, params: { error: AuthError }) => ({ type: 'storageFallback' as const, error: params.error })),
  },
  guards: {
    /** The event is about the tokens in use now, not about ones a refresh already replaced. */
    isCurrentToken: ({ context }, params: { tokenId: string }) =>
      context.session !== null && isTokenOf(context.session, params.tokenId),
    restoredAs: (_, params: { result: RestoreResult; status: RestoreResult['status'] }) =>
      params.result.status === params.status,
    /** Only a refused refresh token ends the session; network, 5xx and throttling are retried. */
    refreshRefused: (_, params: { error: unknown }) => {
      const code = toAuthError(params.error).code;
      return code === 'refreshRejected' || code === 'invalidToken';
    },
  },
  delays: {
    refreshDue: ({ context }) =>
      context.session ? msUntilRefresh(context.session, context.config.refreshLeadMs, context.ports.clock.now()) : 0,
    refreshRetry: ({ context }) =>
      Math.min(
        context.config.retryMaxDelayMs,
        context.config.retryBaseDelayMs * 2 ** Math.max(0, context.refreshFailures - 1),
      ),
  },
}).createMachine({
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
    signedOut: {
      on: { SIGN_IN: { target: 'authenticating', actions: 'clearError' } },
    },
    authenticating: {
      tags: 'busy',
      invoke: {
        id: 'signInWithPassword',
        src: 'signInWithPassword',
        input: ({ context, event }) => {
          assertEvent(event, 'SIGN_IN');
          return { config: context.config, ports: context.ports, username: event.username, password: event.password };
        },
        onDone: {
          target: 'signedIn',
          actions: [
            { type: 'setSession', params: ({ event }) => ({ session: event.output }) },
            'persistSession',
            'clearError',
            'startSession',
          ],
        },
        onError: { target: 'signedOut', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
      on: { SIGN_OUT: { target: 'signedOut' } },
    },
    signedIn: {
      after: { refreshDue: { target: 'refreshing' } },
      on: {
        REFRESH: { target: 'refreshing' },
        TOKEN_REJECTED: {
          guard: { type: 'isCurrentToken', params: ({ event }) => ({ tokenId: event.tokenId }) },
          target: 'refreshing',
        },
        SESSION_REVOKED: {
          guard: { type: 'isCurrentToken', params: ({ event }) => ({ tokenId: event.tokenId }) },
          target: 'expired',
          actions: [
            {
              type: 'setError',
              params: () => ({
                error: new AuthError('sessionRevoked', 'The API no longer accepts this session; please sign in again.'),
              }),
            },
            'clearSession',
            'forgetStoredSession',
            { type: 'endSession', params: { reason: 'revoked' } },
          ],
        },
        SIGN_OUT: { target: 'signingOut' },
      },
    },
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
