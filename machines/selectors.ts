import type { SnapshotFrom } from 'xstate';
import { asksToSignInAgain } from './asksToSignInAgain.js';
import type { authMachine } from './authMachine.js';
import type { FirstFactor } from './challenges/Challenge.js';
import { msUntilRefresh, type IdTokenClaims } from './tokens/Session.js';

type AuthSnapshot = SnapshotFrom<typeof authMachine>;

export interface AuthUser {
  sub: string;
  username: string | undefined;
  email: string | undefined;
  claims: IdTokenClaims;
}

/** Signed in, or refreshing a session that was: the app treats both as authenticated. */
export function selectIsAuthenticated(snapshot: AuthSnapshot): boolean {
  return snapshot.matches('signedIn') || snapshot.matches('refreshing');
}

/**
 * The session ended without the user asking (`expired`), or they are signing in again after it
 * did, a challenge on the way included: ask over the current page instead of leaving it.
 */
export function selectNeedsReauth(snapshot: AuthSnapshot): boolean {
  if (snapshot.matches('expired')) return true;
  return snapshot.matches('authenticating') && asksToSignInAgain(snapshot.context.endReason);
}

/** The user from the ID token's claims, or null without a session. */
export function selectUser(snapshot: AuthSnapshot): AuthUser | null {
  const session = snapshot.context.session;
  if (!session) return null;
  const claims = session.idClaims;
  return { sub: claims.sub, username: claims['cognito:username'], email: claims.email, claims };
}

export interface SessionTimes {
  /** Device-clock ms (drift-corrected) at which each token expires. */
  idExpiresAt: number;
  accessExpiresAt: number;
  /** Device-clock ms of the next proactive refresh. */
  refreshAt: number;
  /** Server clock minus device clock, ms. */
  driftMs: number;
}

/** When the tokens expire and the next refresh is due, on the device clock; null without a session. */
export function selectSessionTimes(snapshot: AuthSnapshot, now: number): SessionTimes | null {
  const session = snapshot.context.session;
  if (!session) return null;
  return {
    idExpiresAt: session.idClaims.exp * 1000 - session.driftMs,
    accessExpiresAt: session.accessClaims.exp * 1000 - session.driftMs,
    refreshAt: now + msUntilRefresh(session, snapshot.context.config.refreshLeadMs, now),
    driftMs: session.driftMs,
  };
}

/** What the user is asked to do next; the app shows the matching form. */
export type NextStep =
  | 'signIn'
  | 'signedIn'
  | 'newPasswordRequired'
  | 'mfaCode'
  | 'selectMfaType'
  | 'mfaSetup'
  | 'customChallenge'
  /** Choice-based sign-in: choose a way in from `selectFirstFactorChoices`. */
  | 'selectChallenge'
  /** Choice-based sign-in: the browser is asking for a passkey. */
  | 'passkey';

export function selectNextStep(snapshot: AuthSnapshot): NextStep {
  if (selectIsAuthenticated(snapshot)) return 'signedIn';
  if (snapshot.matches({ authenticating: 'newPasswordRequired' })) return 'newPasswordRequired';
  if (snapshot.matches({ authenticating: 'mfaCode' })) return 'mfaCode';
  if (snapshot.matches({ authenticating: 'selectMfaType' })) return 'selectMfaType';
  if (snapshot.matches({ authenticating: 'mfaSetup' })) return 'mfaSetup';
  if (snapshot.matches({ authenticating: 'customChallenge' })) return 'customChallenge';
  if (snapshot.matches({ authenticating: 'selectingChallenge' })) return 'selectChallenge';
  if (snapshot.matches({ authenticating: 'passkey' })) return 'passkey';
  return 'signIn';
}

/** Choice-based sign-in: the ways in the user may choose (or go back to); empty otherwise. */
export function selectFirstFactorChoices(snapshot: AuthSnapshot): FirstFactor[] {
  return snapshot.matches('authenticating') ? (snapshot.context.challenge?.firstFactor?.choices ?? []) : [];
}

/** Signed in, but the tokens expired while refreshing keeps failing for a transient reason. */
export function selectIsOffline(snapshot: AuthSnapshot, now: number): boolean {
  const session = snapshot.context.session;
  return snapshot.matches({ refreshing: 'retrying' }) && session !== null && now >= session.expiresAt;
}
