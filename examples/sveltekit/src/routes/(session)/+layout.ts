// Every page that looks at the session sits under this layout. Its load runs on the server and
// in the browser (a universal load); the auth is created in the browser only.
import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import { getAuth } from '$lib/auth';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = () => {
  // The tokens are in the browser's storage: the server cannot tell who is signed in, so it
  // has no auth, and +layout.svelte renders the neutral shell in place of the page.
  if (!browser) return { auth: null };
  const auth = getAuth();
  if (!auth) error(500, 'Set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID (see README.md).');
  return { auth };
};
