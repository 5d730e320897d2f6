import { waitFor } from 'xstate';
import { selectIsAuthenticated, selectNeedsReauth, type Auth } from '../../machines/index.js';
import { safeReturnTo } from './safeReturnTo.js';

/** What a router should do: render the page, or go to `redirect` (a same-origin path) instead. */
export type GuardResult = 'allow' | { redirect: string };

export interface GuardOptions {
  /** The sign-in page; default `/sign-in`. */
  signInPath?: string;
  /** The query parameter that carries the page to return to; default `returnTo`. */
  returnToParam?: string;
}

export interface GuestGuardOptions {
  /** Where a signed-in user goes when `returnTo` is missing or unsafe; default `/`. */
  fallback?: string;
  /** The origin `returnTo` must stay on; default the page's. */
  origin?: string;
}

/**
 * Decide once the answer cannot change under us: not while restoring, signing in, syncing with
 * another tab or signing out (all tagged `busy`). A refresh in flight changes nothing: the user
 * is signed in throughout, and waiting for it would hold the page up for a network round trip.
 */
function settled(auth: Auth) {
  return waitFor(auth.actor, (snapshot) => selectIsAuthenticated(snapshot) || !snapshot.hasTag('busy'));
}

/**
 * For protected pages, from any router (sv-router's `beforeLoad`, a hand-written one): waits for
 * start-up to settle, then lets a signed-in user through and sends anyone else to the sign-in page
 * with `?returnTo=<target>`. An `expired` session, and signing in again from it (an MFA step
 * included), is let through too: the re-auth dialog asks over the page instead of throwing the
 * user off it.
 */
export async function guardRoute(auth: Auth, target: string, options: GuardOptions = {}): Promise<GuardResult> {
  const snapshot = await settled(auth);
  if (selectIsAuthenticated(snapshot) || selectNeedsReauth(snapshot)) return 'allow';
  const query = new URLSearchParams({ [options.returnToParam ?? 'returnTo']: target });
  return { redirect: `${options.signInPath ?? '/sign-in'}?${query}` };
}

/**
 * For the sign-in page: a user who is already signed in goes to `returnTo` when it is a safe
 * same-origin path (see `safeReturnTo`), else to the fallback; everyone else stays.
 */
export async function guardGuestRoute(auth: Auth, returnTo: unknown, options: GuestGuardOptions = {}): Promise<GuardResult> {
  const snapshot = await settled(auth);
  if (!selectIsAuthenticated(snapshot)) return 'allow';
  return { redirect: returnToOrFallback(returnTo, options) };
}

/** Where to go after signing in: `returnTo` if it is safe, else the fallback. */
export function returnToOrFallback(returnTo: unknown, options: GuestGuardOptions = {}): string {
  return safeReturnTo(returnTo, options.origin ?? globalThis.location.origin) ?? options.fallback ?? '/';
}
