import { createRouter, serializeSearch, type HooksContext } from 'sv-router';
import type { Auth } from '../machines/index.js';
import AppLayout from './layout/AppLayout.svelte';
import { guardGuestRoute, guardRoute, type GuardResult } from './lib/index.js';
import { HOME_FOR_USERS, type AppNavigation } from './navigation.js';
import Account from './pages/Account.svelte';
import Dashboard from './pages/Dashboard.svelte';
import Home from './pages/Home.svelte';
import NotFound from './pages/NotFound.svelte';
import SignIn from './pages/SignIn.svelte';

declare module 'sv-router' {
  interface RouteMeta {
    /** Only for a signed-in user; guarded by `guardRoute`. */
    requiresAuth?: boolean;
  }
}

/**
 * The demo's routes (real URLs) with their guards, behind the small AppNavigation interface.
 * The guard logic lives in src/lib; this is only sv-router's side of it.
 */
export function createAppRouter(auth: Auth): AppNavigation {
  const { navigate, route } = createRouter({
    '/': Home,
    '/sign-in': SignIn,
    '/dashboard': { '/': Dashboard, meta: { requiresAuth: true } },
    '/account': { '/': Account, meta: { requiresAuth: true } },
    '*': NotFound,
    layout: AppLayout,
    hooks: { beforeLoad },
  });

  async function go(path: string, options: { replace?: boolean } = {}): Promise<void> {
    const url = new URL(path, location.origin);
    // Typed paths are for links written in code; these come from guards and returnTo.
    await navigate(url.pathname as '/', { search: url.search, hash: url.hash, replace: options.replace ?? false });
  }

  async function beforeLoad(context: HooksContext): Promise<void> {
    let result: GuardResult = 'allow';
    if (context.meta.requiresAuth) {
      result = await guardRoute(auth, `${context.pathname}${serializeSearch(context.search) ?? ''}${context.hash ?? ''}`);
    } else if (context.pathname === '/sign-in') {
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
