/**
 * The sign-in challenge and TOTP set-up components, loaded on demand: most visits never need
 * them, so they stay out of the initial bundle (and the QR encoder with them).
 *
 * Keep this call out of route components' own code: sv-router recognises a lazy route by
 * looking for `() => import(` in a function's source text, so a page whose body contained that
 * text would be taken for a lazy import of itself.
 */
export function loadAuthForms(): Promise<typeof import('./forms/index.js')> {
  return import('./forms/index.js');
}
