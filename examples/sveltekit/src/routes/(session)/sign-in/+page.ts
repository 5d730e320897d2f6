// The guest guard: a signed-in user goes on to `returnTo` (same-origin paths only) or /notes.
// It runs again after a sign-in (depends), which is what moves the user on from this page.
import { redirect } from '@sveltejs/kit';
import { guardGuestRoute } from 'authchart/svelte';
import { SESSION_DEPENDENCY } from '$lib/auth';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url, depends }) => {
  depends(SESSION_DEPENDENCY);
  const { auth } = await parent();
  if (!auth) return;
  const result = await guardGuestRoute(auth, url.searchParams.get('returnTo'), { fallback: '/notes', origin: url.origin });
  if (result !== 'allow') redirect(307, result.redirect);
};
