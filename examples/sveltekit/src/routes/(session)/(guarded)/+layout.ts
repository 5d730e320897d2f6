// The guard for every page in (guarded)/, in SvelteKit's idiom: a layout `load` that redirects.
// It reads `url`, so SvelteKit runs it again on every navigation between these pages, and
// depends(SESSION_DEPENDENCY) runs it again when the session starts or ends.
// A page's own `load` under this layout runs in parallel with it: `await parent()` first if
// it fetches with the session.
import { redirect } from '@sveltejs/kit';
import { guardRoute } from 'authchart/svelte';
import { SESSION_DEPENDENCY } from '$lib/auth';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent, url, depends }) => {
  depends(SESSION_DEPENDENCY);
  const { auth } = await parent();
  if (!auth) return; // the server: no session to check (the layout renders the neutral shell)
  // Waits for start-up (restoring stored tokens, maybe refreshing them) to settle first.
  const result = await guardRoute(auth, `${url.pathname}${url.search}`, { signInPath: '/sign-in' });
  if (result !== 'allow') redirect(307, result.redirect);
};
