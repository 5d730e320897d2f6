import { assign, emit, setup } from 'xstate';
import { holdRefreshLock, listenForSignals, listenToTabs } from './actors/tabActors.js';
import { authDelays } from './authDelays.js';
import { authGuards } from './authGuards.js';
import { toAuthError, type AuthError } from './AuthError.js';
import { associateChallengeTotp, respondToChallenge, verifyChallengeTotp } from './actors/challengeActors.js';
import { answerWithPasskey, chooseFirstFactor, offerChoice } from './actors/choiceActors.js';
import { confirmDevice, proveDevice } from './actors/deviceActors.js';
import { completeRedirect, startRedirect } from './actors/redirectActors.js';
import { refreshSession } from './actors/refreshSession.js';
import { restoreSession } from './actors/restoreSession.js';
import { revokeSession } from './actors/revokeSession.js';
import { startSignIn } from './actors/startSignIn.js';
import type { AuthContext, AuthMachineInput, SignInResult } from './AuthContext.js';
import type { AuthEmitted, AuthEvent } from './AuthEvent.js';
import type { Challenge } from './challenges/Challenge.js';
import type { SessionEndReason } from './SessionEndReason.js';
import {
  challengeWithHiddenSecrets,
  credentialsWithHiddenPassword,
  sessionWithHiddenTokens,
} from './inspect/hideSecrets.js';
import { serializeSession } from './storage/storedSession.js';
import type { TabMessage } from './tabs/TabChannel.js';
import type { Session } from './tokens/Session.js';
import { signInOf } from './tokens/signInOf.js';

/**
 * Every actor, action, guard and delay of the auth machine, by name. The chart (authMachine.ts
 * and states/) refers to them by string, so tests and apps can swap any with `.provide()`.
 */
export const authSetup = setup({
  types: {
    /** `busy`: a request or restore is in flight; wait for it before reading tokens. */
    tags: {} as 'busy',
    context: {} as AuthContext,
    events: {} as AuthEvent,
    input: {} as AuthMachineInput,
    emitted: {} as AuthEmitted,
  },
  actors: {
    listenToTabs,
    listenForSignals,
    holdRefreshLock,
    restoreSession,
    startSignIn,
    chooseFirstFactor,
    answerWithPasskey,
    offerChoice,
    confirmDevice,
    proveDevice,
    respondToChallenge,
    associateChallengeTotp,
    verifyChallengeTotp,
    refreshSession,
    revokeSession,
    startRedirect,
    completeRedirect,
  },
  actions: {
    setSession: assign((_, params: { session: Session | undefined }) => ({
      session: params.session ? sessionWithHiddenTokens(params.session) : null,
    })),
    /**
     * The one place a session is forgotten: entry action of the states without one (signedOut,
     * expired) and of signingOut, which keeps only the tokens it is revoking. Everything tied to
     * the session goes: tokens and a challenge (with any TOTP secret of an MFA set-up).
     * What was signed out of is recorded (not a secret) so that a refresh crossing the sign-out
     * in another tab cannot sign this one in again.
     */
    forgetSession: assign(({ context }, params: { keepTokensToRevoke: boolean }) => ({
      session: params.keepTokensToRevoke ? context.session : null,
      challenge: null,
      newDevice: null,
      endedSignIn: context.session ? signInOf(context.session) : context.endedSignIn,
      // The page a managed-login sign-in returned to belongs to that session.
      customState: null,
      otherTabRefreshingSince: null,
    })),
    /** Keeps who was signed in when a session ends unasked, to pre-fill the sign-in again. */
    rememberUsername: assign({
      pendingUsername: ({ context }) => context.session?.idClaims['cognito:username'] ?? context.pendingUsername,
    }),
    persistSession: ({ context }) => {
      if (context.session) context.ports.storage.setItem(context.config.storageKey, serializeSession(context.session));
    },
    forgetStoredSession: ({ context }) => {
      context.ports.storage.removeItem(context.config.storageKey);
    },
    /**
     * Clears storage if it holds exactly `session`, never a sign-in stored since, in any tab. For
     * a session another tab ended while a refresh here (or there) wrote it back just after.
     */
    forgetStoredCopyOf: ({ context }, params: { session: Session | null }) => {
      const { storage } = context.ports;
      const key = context.config.storageKey;
      if (params.session && storage.getItem(key) === serializeSession(params.session)) storage.removeItem(key);
    },
    /** Tells other tabs (sharing the storage) that the stored session changed or ended. */
    announce: ({ context }, params: { message: TabMessage }) => {
      context.ports.channel?.post(params.message);
    },
    /** Tells other tabs about the session just stored, with what was stored. */
    announceStoredSession: ({ context }) => {
      if (context.session) context.ports.channel?.post({ kind: 'updated', stored: serializeSession(context.session) });
    },
    /** A sign-in step ended: keep its tokens, or the challenge it asks for next. */
    storeSignInResult: assign((_, params: { result: SignInResult }) => ({
      session: params.result.session ? sessionWithHiddenTokens(params.result.session) : null,
      challenge: params.result.challenge ? challengeWithHiddenSecrets(params.result.challenge) : null,
      newDevice: params.result.newDevice ?? null,
    })),
    setChallenge: assign((_, params: { challenge: Challenge }) => ({ challenge: challengeWithHiddenSecrets(params.challenge) })),
    clearChallenge: assign({ challenge: null }),
    /**
     * Choice-based sign-in: a SELECT_CHALLENGE answered once is spent, whatever came of it; the
     * next choice starts again with it as the preferred way in (see chooseFirstFactor).
     */
    spendChoice: assign(({ context }) => ({
      challenge: context.challenge?.kind === 'selectChallenge' ? challengeWithHiddenSecrets({ ...context.challenge, challengeSession: '' }) : context.challenge,
    })),
    /** Back from a code or passkey to the ways in offered before: a choice with no session to answer. */
    backToChoice: assign(({ context }) => ({
      challenge: context.challenge?.firstFactor
        ? challengeWithHiddenSecrets({
            ...context.challenge,
            name: 'SELECT_CHALLENGE',
            kind: 'selectChallenge',
            challengeSession: '',
            parameters: {},
          })
        : context.challenge,
    })),
    setError: assign((_, params: { error: unknown }) => ({ error: toAuthError(params.error) })),
    clearError: assign({ error: null }),
    /** Why the session ends, recorded on the transition that ends it (states cannot tell). */
    setCustomState: assign((_, params: { customState: string | null }) => ({ customState: params.customState })),
    /** Managed login: the port remembers the sign-in, so that signing out also ends the hosted session. */
    rememberHostedSignIn: ({ context }) => {
      if (context.session) context.ports.oauth?.rememberHostedSignIn(context.session.idClaims.sub, context.config);
    },
    /**
     * After this tab's sign-out (the user's, or the idle or maximum-age timers'; never another
     * tab's, nor an expiry): ends the managed-login session too, if it began there.
     */
    endHostedSession: ({ context }) => {
      if (context.session) context.ports.oauth?.endHostedSession(context.session.idClaims.sub, context.config);
    },
    recordEndReason: assign((_, params: { reason: SessionEndReason }) => ({ endReason: params.reason })),
    startSession: assign({ endReason: null, refreshFailures: 0 }),
    countRefresh: assign({ refreshCount: ({ context }) => context.refreshCount + 1, refreshFailures: 0 }),
    countRefreshFailure: assign({ refreshFailures: ({ context }) => context.refreshFailures + 1 }),
    /**
     * Keeps the last minute of successful refreshes, for the storm guard. Failed attempts are
     * paced by the backoff already, and counting them would make a page that comes back online
     * wait instead of refreshing at once.
     */
    recordRefresh: assign({
      refreshAttempts: ({ context }) => {
        const now = context.ports.clock.now();
        return [...context.refreshAttempts.filter((at) => Math.abs(now - at) < context.config.refreshStormWindowMs), now];
      },
    }),
    /** Another tab is refreshing the shared session: a tab granted the lock next waits for its news. */
    recordOtherTabRefreshing: assign({ otherTabRefreshingSince: ({ context }) => context.ports.clock.now() }),
    forgetOtherTabRefreshing: assign({ otherTabRefreshingSince: null }),
    recordActivity: assign({ lastActivityAt: ({ context }) => context.ports.clock.now() }),
    /** Other tabs count this tab's activity too (their idle timers see it). */
    announceActivity: ({ context }) => {
      context.ports.channel?.post({ kind: 'active' });
    },
    recordStorageFallback: assign((_, params: { error: AuthError }) => ({ storageWarning: params.error })),
    emitStorageFallback: emit((_, params: { error: AuthError }) => ({ type: 'storageFallback' as const, error: params.error })),
    /** The device secret kept for the session's user (its deletion): never used again. */
    forgetDeviceOfSession: ({ context }) => {
      const { session, config, ports } = context;
      const deviceKey = session?.accessClaims.device_key;
      // Nothing to report if it fails: the only secret that could stay is in a worker that is gone.
      if (session && deviceKey) void ports.devices?.forget({ config, ports, sub: session.idClaims.sub, deviceKey }).catch(() => {});
    },
    /** Confirmed or not, the device is settled: the sign-in ends with the session either way. */
    forgetNewDevice: assign({ newDevice: null }),
    emitDeviceNotRemembered: emit((_, params: { error: unknown }) => ({ type: 'deviceNotRemembered' as const, error: toAuthError(params.error) })),
  },
  guards: authGuards,
  delays: authDelays,
});
