import { asksToSignInAgain } from './asksToSignInAgain.js';
import { toAuthError } from './AuthError.js';
import type { AuthContext, RestoreResult, SignInResult } from './AuthContext.js';
import type { ChallengeKind } from './challenges/Challenge.js';
import type { SessionEndReason } from './SessionEndReason.js';
import { signInOf } from './tokens/signInOf.js';
import { isTokenOf, msUntilRefresh, tokenIdOf } from './tokens/Session.js';

type Args = { context: AuthContext };

/** The auth machine's guards, by name (authSetup.ts): what each transition's condition reads. */
export const authGuards = {
  /** The event is about the tokens in use now, not about ones a refresh already replaced. */
  isCurrentToken: ({ context }: Args, params: { tokenId: string }) =>
    context.session !== null && isTokenOf(context.session, params.tokenId),
  restoredAs: (_: Args, params: { result: RestoreResult; status: RestoreResult['status'] }) =>
    params.result.status === params.status,
  /**
   * Trying again cannot help: the refresh token was refused, the tokens failed a check, or
   * Cognito itself answered with a named error that retrying will not change (a deleted app
   * client, an operation it does not support). Network faults, timeouts, 5xx and throttling
   * are retried, and so is any answer without a Cognito error name: a proxy's, a firewall's or
   * a captive portal's 403/407/408/429 says nothing about the session.
   */
  refreshRefused: (_: Args, params: { error: unknown }) => {
    const error = toAuthError(params.error);
    if (error.code === 'refreshRejected' || error.code === 'invalidToken') return true;
    return !error.retryable && isCognitoErrorName(error.cognitoName);
  },
  hasSession: ({ context }: Args) => context.session !== null,
  /** Signed in on a pool that tracks devices, with a device to confirm. */
  hasNewDevice: ({ context }: Args) => context.session !== null && context.newDevice !== null,
  /** Managed login is configured (`oauth: hostedUi(…)`). */
  hasOAuth: ({ context }: Args) => context.ports.oauth !== null,
  /** A sign-in again after the session expired (the reason is kept until the next session). */
  reauthenticating: ({ context }: Args) => asksToSignInAgain(context.endReason),
  /** This tab has a session, and the other tab's ended for one of `reasons`. */
  hasSessionEndingAs: ({ context }: Args, params: { reason: SessionEndReason; reasons: readonly SessionEndReason[] }) =>
    context.session !== null && params.reasons.includes(params.reason),
  /** Storage holds usable tokens other than this tab's, not yet due for refresh: another tab's work. */
  storedIsFresher: ({ context }: Args, params: { result: RestoreResult }) => {
    const stored = params.result.session;
    if (params.result.status !== 'usable' || !stored) return false;
    const now = context.ports.clock.now();
    const isOurs = context.session !== null && tokenIdOf(stored.idClaims) === tokenIdOf(context.session.idClaims);
    return !isOurs && msUntilRefresh(stored, context.config.refreshLeadMs, now) > 0;
  },
  /** Another tab rotated the refresh token: this tab's copy may already be spent. */
  storedHasOtherRefreshToken: ({ context }: Args, params: { result: RestoreResult }) => {
    const stored = params.result.session;
    return stored !== undefined && stored.tokens.refreshToken !== context.session?.tokens.refreshToken;
  },
  challengeIs: ({ context }: Args, params: { kind: ChallengeKind }) => context.challenge?.kind === params.kind,
  lastErrorIsChallengeExpired: ({ context }: Args) => context.error?.code === 'challengeExpired',
  /**
   * The challenge cannot be answered again: its session ran out, or Cognito failed the sign-in
   * (a custom challenge's trigger said no; its session is spent).
   */
  lastErrorEndsSignIn: ({ context }: Args) => context.error?.code === 'challengeExpired' || context.error?.code === 'invalidCredentials',
  /** A one-time code chosen as the way in (not MFA): it can be sent again. */
  codeIsFirstFactor: ({ context }: Args) => context.challenge?.firstFactor != null,
  /** Cognito answered with the choice (not, say, the passkey again as the only way in). */
  offeredChoice: (_: Args, params: { result: SignInResult }) => params.result.challenge?.kind === 'selectChallenge',
  /** Choice-based sign-in with ways in to go back to. */
  hasChoices: ({ context }: Args) => (context.challenge?.firstFactor?.choices.length ?? 0) > 0,
  challengeHasTotpSecret: ({ context }: Args) => context.challenge?.kind === 'mfaSetup' && context.challenge.totpSetup !== null,
  /**
   * What another tab wrote is the sign-in this tab's user just ended (a refresh there crossed
   * the sign-out here): not taken. After `expired` it is taken: the session lives on there.
   */
  storedIsEndedSignIn: ({ context }: Args, params: { result: RestoreResult }) => {
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
  otherTabRefreshing: ({ context }: Args) =>
    context.otherTabRefreshingSince !== null &&
    context.ports.clock.now() - context.otherTabRefreshingSince < context.config.lockTimeoutMs,
  idleTimeoutOn: ({ context }: Args) => context.config.idleTimeoutMs !== null,
  maxSessionAgeOn: ({ context }: Args) => context.config.maxSessionAgeMs !== null,
  /**
   * Too many successful refreshes in the last minute, whatever the timers say (a clock jumping
   * back and forth, tokens that are born due): wait instead of asking again.
   */
  refreshStorm: ({ context }: Args) => {
    const now = context.ports.clock.now();
    const recent = context.refreshAttempts.filter((at) => Math.abs(now - at) < context.config.refreshStormWindowMs);
    return recent.length >= context.config.maxRefreshesPerMinute;
  },
};

/**
 * A named Cognito exception (`ResourceNotFoundException`; cognito-local's own `CognitoLocal#…`),
 * not a bare status (`HTTP403`) or whatever an SDK calls an answer it could not read.
 */
function isCognitoErrorName(name: string | undefined): boolean {
  return name !== undefined && (name.endsWith('Exception') || name.startsWith('CognitoLocal#'));
}
