import { createContext } from 'svelte';

/** What pages need from the router, kept small so the router stays swappable. */
export interface AppNavigation {
  /** Goes to a same-origin path (query and hash included) through the router. */
  go(path: string, options?: { replace?: boolean }): Promise<void>;
  /** The current pathname (reactive). */
  readonly pathname: string;
  /** The current path with query and hash, as a `returnTo` target (reactive). */
  readonly current: string;
  /** Whether the current page needs a signed-in user (reactive). */
  readonly isProtected: boolean;
}

const [getContext, setContext] = createContext<AppNavigation>();

export function getNavigation(): AppNavigation {
  return getContext();
}

export function setNavigation(navigation: AppNavigation): AppNavigation {
  return setContext(navigation);
}

/** Where a signed-in user lands when sign-in has nowhere (safe) to return to. */
export const HOME_FOR_USERS = '/dashboard';

/**
 * Pages for signed-out users: sign-in and the account flows that lead to it. A signed-in user
 * is sent on (to `returnTo` or HOME_FOR_USERS), and the re-auth dialog stays off them.
 */
export const GUEST_PATHS: ReadonlySet<string> = new Set(['/sign-in', '/sign-up', '/forgot-password']);

/** `path` with `params` and the current page's `returnTo`, so every auth page ends up there. */
export function withReturnTo(path: string, returnTo: unknown, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  if (typeof returnTo === 'string' && returnTo) query.set('returnTo', returnTo);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
