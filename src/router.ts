import { createRouter, serializeSearch, type HooksContext } from 'sv-router';
import type { Auth } from '../machines/index.js';
import AppLayout from './layout/AppLayout.svelte';
import { guardGuestRoute, guardRoute, type GuardResult } from './lib/index.js';
import { GUEST_PATHS, HOME_FOR_USERS, type AppNavigation } from './navigation.js';
import Home from './pages/Home.svelte';
import NotFound from './pages/NotFound.svelte';

declare module 'sv-router' {
  interface RouteMeta {
    /** Only for a signed-in user; guarded by `guardRoute`. */
    requiresAuth?: boolean;
  }
}

/**
 * The demo's routes (real URLs) with their guards, behind the small AppNavigation interface.
 * The guard logic lives in src/lib; this is only sv-router's side of it.
 *
 * Every page but the home page is its own chunk, loaded when first visited (or hovered: header
 * links have `data-preload`). sv-router tells a lazy route from a component by its source text:
 * write each as `() => import('./pages/X.svelte')`, literally. (Vite's build wraps the import in
 * its preload helper, `() => preload(() => import(...))`, which still matches.) The flip side: an
 * eager route component must not contain `() => import(` in its own code, or it would be taken
 * for a lazy one; load things through a helper module instead (see src/lib/loadForms.ts).
 */
export function createAppRouter(auth: Auth): AppNavigation {
  const { navigate, route } = createRouter({
    '/': Home,
    '/sign-in': () => import('./pages/SignIn.svelte'),
    '/sign-up': () => import('./pages/SignUp.svelte'),
    '/forgot-password': () => import('./pages/ForgotPassword.svelte'),
    '/dashboard': { '/': () => import('./pages/Dashboard.svelte'), meta: { requiresAuth: true } },
    '/account': { '/': () => import('./pages/Account.svelte'), meta: { requiresAuth: true } },
    '/profile': { '/': () => import('./pages/Profile.svelte'), meta: { requiresAuth: true } },
    '*': NotFound,
    layout: AppLayout,
    hooks: { beforeLoad },
  });

  // When the user last started a navigation of their own: a link (sv-router follows it by
  // itself) or back/forward. Capture phase: before sv-router's own click handler runs.
  let userNavigationAt = -1;
  const userNavigates = () => (userNavigationAt = performance.now());
  addEventListener('click', (event) => (event.target instanceof Element && event.target.closest('a[href]') ? userNavigates() : undefined), { capture: true });
  addEventListener('popstate', userNavigates);

  async function go(path: string, options: { replace?: boolean } = {}): Promise<void> {
    const url = new URL(path, location.origin);
    const startedAt = performance.now();
    try {
      // Typed paths are for links written in code; these come from guards and returnTo.
      await navigate(url.pathname as '/', { search: url.search, hash: url.hash, replace: options.replace ?? false });
    } catch (error) {
      // sv-router (0.16) rejects a navigation that the user's own superseded, with "Chaining
      // cycle detected" (its link and popstate handlers do not record theirs as the current
      // one). The user's navigation stands: that is not a failure.
      if (userNavigationAt >= startedAt) return;
      throw error;
    }
  }

  async function beforeLoad(context: HooksContext): Promise<void> {
    let result: GuardResult = 'allow';
    if (context.meta.requiresAuth) {
      result = await guardRoute(auth, `${context.pathname}${serializeSearch(context.search) ?? ''}${context.hash ?? ''}`);
    } else if (GUEST_PATHS.has(context.pathname)) {
      result = await guardGuestRoute(auth, context.search['returnTo'], { fallback: HOME_FOR_USERS });
    }
    // sv-router's way to redirect from a hook: throw the navigation.
    if (result !== 'allow') throw go(result.redirect, { replace: true });
  }

  return {
    go,
    get pathname() {
      return route.pathname;
    },
    get current() {
      return `${route.pathname}${serializeSearch(route.search) ?? ''}${route.hash}`;
    },
    get isProtected() {
      return route.meta.requiresAuth === true;
    },
  };
}
