import { AuthError } from '../AuthError.js';
import { authSetup } from '../authSetup.js';

const revokedError = () => new AuthError('sessionRevoked', 'The API no longer accepts this session; please sign in again.');

/**
 * Signed in with unexpired tokens. The proactive refresh timer lives in `idle`, so it waits for
 * an account request in flight instead of cancelling it; should that request outlast the tokens
 * themselves, the expiry timer here ends it and refreshes.
 */
export const signedInState = authSetup.createStateConfig({
  initial: 'idle',
  after: { sessionExpiry: { target: '#auth.refreshing' } },
  on: {
    TOKEN_REJECTED: {
      guard: { type: 'isCurrentToken', params: ({ event }) => ({ tokenId: event.tokenId }) },
      target: '#auth.refreshing',
    },
    SESSION_REVOKED: {
      guard: { type: 'isCurrentToken', params: ({ event }) => ({ tokenId: event.tokenId }) },
      target: '#auth.expired',
      actions: [
        { type: 'setError', params: () => ({ error: revokedError() }) },
        'clearSession',
        'clearTotpSetup',
        'forgetStoredSession',
        { type: 'announce', params: { message: { kind: 'ended', reason: 'revoked' } } },
        { type: 'endSession', params: { reason: 'revoked' } },
      ],
    },
    SIGN_OUT: { target: '#auth.signingOut', actions: 'clearTotpSetup' },
  },
  states: {
    idle: {
      after: { refreshDue: { target: '#auth.refreshing' } },
      on: {
        REFRESH: { target: '#auth.refreshing' },
        SESSION_CHANGED_ELSEWHERE: { target: '#auth.syncing' },
        CHANGE_PASSWORD: { target: 'changingPassword', actions: ['clearError', 'clearNotice'] },
        SET_UP_TOTP: { target: 'settingUpTotp', actions: ['clearError', 'clearNotice'] },
        VERIFY_TOTP: { guard: 'hasTotpSetup', target: 'verifyingTotp', actions: ['clearError', 'clearNotice'] },
        SET_MFA_PREFERENCE: { target: 'savingMfaPreference', actions: ['clearError', 'clearNotice'] },
        CANCEL: { actions: ['clearTotpSetup', 'clearError', 'clearNotice'] },
      },
    },
    changingPassword: {
      tags: 'busy',
      invoke: {
        id: 'changePassword',
        src: 'changePassword',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          session: context.session!,
          previousPassword: event.type === 'CHANGE_PASSWORD' ? event.previousPassword : '',
          proposedPassword: event.type === 'CHANGE_PASSWORD' ? event.proposedPassword : '',
        }),
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'passwordChanged' } } },
        onError: { target: 'idle', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    settingUpTotp: {
      tags: 'busy',
      invoke: {
        id: 'setUpTotp',
        src: 'setUpTotp',
        input: ({ context }) => ({ config: context.config, ports: context.ports, session: context.session! }),
        onDone: { target: 'idle', actions: { type: 'setTotpSetup', params: ({ event }) => ({ totpSetup: event.output }) } },
        onError: { target: 'idle', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    verifyingTotp: {
      tags: 'busy',
      invoke: {
        id: 'verifyTotp',
        src: 'verifyTotp',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          session: context.session!,
          code: event.type === 'VERIFY_TOTP' ? event.code : '',
        }),
        onDone: { target: 'idle', actions: ['clearTotpSetup', { type: 'setNotice', params: { notice: 'totpEnabled' } }] },
        // The secret stays, so the user can try the next code.
        onError: { target: 'idle', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    savingMfaPreference: {
      tags: 'busy',
      invoke: {
        id: 'setMfaPreference',
        src: 'setMfaPreference',
        input: ({ context, event }) => ({
          config: context.config,
          ports: context.ports,
          session: context.session!,
          totp: event.type === 'SET_MFA_PREFERENCE' ? event.totp : false,
        }),
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'mfaPreferenceSaved' } } },
        onError: { target: 'idle', actions: { type: 'setError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
  },
});
