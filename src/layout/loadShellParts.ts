/**
 * Parts of the page frame that most visits never show, loaded when they are: the session panel
 * (a developer's view, drawn after the page) and the re-auth dialog (only once a session expired).
 * They stay out of the initial bundle.
 *
 * Kept out of AppLayout's own code: sv-router takes any route component whose source text holds
 * `() => import(` for a lazy route (see router.ts), and the layout is a route component.
 */
export function loadSessionPanel(): Promise<typeof import('../components/SessionPanel.svelte')> {
  return import('../components/SessionPanel.svelte');
}

export function loadReauthDialog(): Promise<typeof import('../lib/ReauthDialog.svelte')> {
  return import('../lib/ReauthDialog.svelte');
}
