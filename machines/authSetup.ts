import { assign, emit, setup } from 'xstate';
import { holdRefreshLock, listenForSignals, listenToTabs } from './actors/tabActors.js';
import { asksToSignInAgain } from './asksToSignInAgain.js';
import { toAuthError, type AuthError } from './AuthError.js';
import { associateChallengeTotp, respondToChallenge, verifyChallengeTotp } from './actors/challengeActors.js';
import { answerWithPasskey, chooseFirstFactor, offerChoice } from './actors/choiceActors.js';
import { confirmDevice, proveDevice } from './actors/deviceActors.js';
import { completeRedirect, startRedirect } from './actors/redirectActors.js';
import { refreshSession } from './actors/refreshSession.js';
import { restoreSession } from './actors/restoreSession.js';
import { revokeSession } from './actors/revokeSession.js';
import { startSignIn } from './actors/startSignIn.js';
import type { AuthContext, AuthMachineInput, RestoreResult, SignInResult } from './AuthContext.js';
import type { AuthEmitted, AuthEvent } from './AuthEvent.js';
import type { Challenge, ChallengeKind } from './challenges/Challenge.js';
import type { SessionEndReason } from './SessionEndReason.js';
import type { EndedSignIn } from './AuthContext.js';
import {
  challengeWithHiddenSecrets,
  credentialsWithHiddenPassword,
  sessionWithHiddenTokens,
} from './inspect/hideSecrets.js';
import { serializeSession } from './storage/storedSession.js';
import type { TabMessage } from './tabs/TabChannel.js';
import { isTokenOf, msUntilRefresh, tokenIdOf, type Session } from './tokens/Session.js';

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
  guards: {
    /** The event is about the tokens in use now, not about ones a refresh already replaced. */
    isCurrentToken: ({ context }, params: { tokenId: string }) =>
      context.session !== null && isTokenOf(context.session, params.tokenId),
    restoredAs: (_, params: { result: RestoreResult; status: RestoreResult['status'] }) =>
      params.result.status === params.status,
    /**
     * Trying again cannot help: the refresh token was refused, the tokens failed a check, or
     * Cognito itself answered with a named error that retrying will not change (a deleted app
     * client, an operation it does not support). Network faults, timeouts, 5xx and throttling
     * are retried, and so is any answer without a Cognito error name: a proxy's, a firewall's or
     * a captive portal's 403/407/408/429 says nothing about the session.
     */
    refreshRefused: (_, params: { error: unknown }) => {
      const error = toAuthError(params.error);
      if (error.code === 'refreshRejected' || error.code === 'invalidToken') return true;
      return !error.retryable && isCognitoErrorName(error.cognitoName);
    },
    hasSession: ({ context }) => context.session !== null,
    /** Signed in on a pool that tracks devices, with a device to confirm. */
    hasNewDevice: ({ context }) => context.session !== null && context.newDevice !== null,
    /** Managed login is configured (`oauth: hostedUi(…)`). */
    hasOAuth: ({ context }) => context.ports.oauth !== null,
    /** A sign-in again after the session expired (the reason is kept until the next session). */
    reauthenticating: ({ context }) => asksToSignInAgain(context.endReason),
    /** This tab has a session, and the other tab's ended for one of `reasons`. */
    hasSessionEndingAs: ({ context }, params: { reason: SessionEndReason; reasons: readonly SessionEndReason[] }) =>
      context.session !== null && params.reasons.includes(params.reason),
    /** Storage holds usable tokens other than this tab's, not yet due for refresh: another tab's work. */
    storedIsFresher: ({ context }, params: { result: RestoreResult }) => {
      const stored = params.result.session;
      if (params.result.status !== 'usable' || !stored) return false;
      const now = context.ports.clock.now();
      const isOurs = context.session !== null && tokenIdOf(stored.idClaims) === tokenIdOf(context.session.idClaims);
      return !isOurs && msUntilRefresh(stored, context.config.refreshLeadMs, now) > 0;
    },
    /** Another tab rotated the refresh token: this tab's copy may already be spent. */
    storedHasOtherRefreshToken: ({ context }, params: { result: RestoreResult }) => {
      const stored = params.result.session;
      return stored !== undefined && stored.tokens.refreshToken !== context.session?.tokens.refreshToken;
    },
    challengeIs: ({ context }, params: { kind: ChallengeKind }) => context.challenge?.kind === params.kind,
    lastErrorIsChallengeExpired: ({ context }) => context.error?.code === 'challengeExpired',
    /**
     * The challenge cannot be answered again: its session ran out, or Cognito failed the sign-in
     * (a custom challenge's trigger said no; its session is spent).
     */
    lastErrorEndsSignIn: ({ context }) => context.error?.code === 'challengeExpired' || context.error?.code === 'invalidCredentials',
    /** A one-time code chosen as the way in (not MFA): it can be sent again. */
    codeIsFirstFactor: ({ context }) => context.challenge?.firstFactor != null,
    /** Cognito answered with the choice (not, say, the passkey again as the only way in). */
    offeredChoice: (_, params: { result: SignInResult }) => params.result.challenge?.kind === 'selectChallenge',
    /** Choice-based sign-in with ways in to go back to. */
    hasChoices: ({ context }) => (context.challenge?.firstFactor?.choices.length ?? 0) > 0,
    challengeHasTotpSecret: ({ context }) => context.challenge?.kind === 'mfaSetup' && context.challenge.totpSetup !== null,
    /**
     * What another tab wrote is the sign-in this tab's user just ended (a refresh there crossed
     * the sign-out here): not taken. After `expired` it is taken: the session lives on there.
     */
    storedIsEndedSignIn: ({ context }, params: { result: RestoreResult }) => {
      const stored = params.result.session;
      const ended = context.endedSignIn;
      if (!stored || !ended || context.endReason === 'expired') return false;
      const signIn = signInOf(stored);
      return signIn.sub === ended.sub && signIn.authTime === ended.authTime;
    },
    /**
     * Another tab said it is refreshing and has not said how it went; it has let go of the lock
     * (this tab has it now), so its news is on its way. A tab that died mid-refresh never
     * sends it: the announcement counts only while such a refresh could still be running.
     */
    otherTabRefreshing: ({ context }) =>
      context.otherTabRefreshingSince !== null &&
      context.ports.clock.now() - context.otherTabRefreshingSince < context.config.lockTimeoutMs,
    idleTimeoutOn: ({ context }) => context.config.idleTimeoutMs !== null,
    maxSessionAgeOn: ({ context }) => context.config.maxSessionAgeMs !== null,
    /**
     * Too many successful refreshes in the last minute, whatever the timers say (a clock jumping
     * back and forth, tokens that are born due): wait instead of asking again.
     */
    refreshStorm: ({ context }) => {
      const now = context.ports.clock.now();
      const recent = context.refreshAttempts.filter((at) => Math.abs(now - at) < context.config.refreshStormWindowMs);
      return recent.length >= context.config.maxRefreshesPerMinute;
    },
  },
  delays: {
    refreshDue: ({ context }) =>
      context.session ? msUntilRefresh(context.session, context.config.refreshLeadMs, context.ports.clock.now()) : 0,
    /** Exponential backoff, capped, with "equal jitter" so tabs and clients do not retry in step. */
    refreshRetry: ({ context }) => {
      const backoff = Math.min(
        context.config.retryMaxDelayMs,
        context.config.retryBaseDelayMs * 2 ** Math.max(0, context.refreshFailures - 1),
      );
      return backoff / 2 + (backoff / 2) * context.ports.random();
    },
    /** Idle time left since the last activity in any tab (a very long wait when the feature is off). */
    idleDue: ({ context }) =>
      context.config.idleTimeoutMs === null
        ? MAX_TIMER_MS
        : clampTimer(context.lastActivityAt + context.config.idleTimeoutMs - context.ports.clock.now()),
    /**
     * The warning's time left, counted from the last activity too: a refresh during the warning
     * leaves signedIn and comes back through `idle`, and must not start the warning over.
     */
    idleWarning: ({ context }) =>
      context.config.idleTimeoutMs === null
        ? MAX_TIMER_MS
        : clampTimer(
            context.lastActivityAt + context.config.idleTimeoutMs + context.config.idleWarningMs - context.ports.clock.now(),
          ),
    /** Time left until the session's maximum age, counted from `auth_time` on the server clock. */
    maxSessionAgeDue: ({ context }) => {
      const { session, config, ports } = context;
      if (!session || config.maxSessionAgeMs === null) return MAX_TIMER_MS;
      const authTime = (session.idClaims.auth_time ?? session.idClaims.iat) * 1000 - session.driftMs;
      return clampTimer(authTime + config.maxSessionAgeMs - ports.clock.now());
    },
    challengeTimeout: ({ context }) => context.config.challengeTimeoutMs,
    /** The sign-in page normally replaces this one at once. */
    redirectTimeout: ({ context }) => context.config.requestTimeoutMs,
    /** How long a tab granted the lock waits for the news of the tab that held it before. */
    otherTabNewsDue: ({ context }) => context.config.otherTabNewsWaitMs,
  },
});

/**
 * A named Cognito exception (`ResourceNotFoundException`; cognito-local's own `CognitoLocal#…`),
 * not a bare status (`HTTP403`) or whatever an SDK calls an answer it could not read.
 */
function isCognitoErrorName(name: string | undefined): boolean {
  return name !== undefined && (name.endsWith('Exception') || name.startsWith('CognitoLocal#'));
}

/** setTimeout fires at once beyond 2^31 − 1 ms (about 24.8 days); no timer may ask for more. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function clampTimer(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, ms));
}

/** The sign-in a session belongs to: the user and when they authenticated (refreshes keep it). */
function signInOf(session: Session): EndedSignIn {
  return { sub: session.idClaims.sub, authTime: session.idClaims.auth_time ?? session.idClaims.iat };
}
