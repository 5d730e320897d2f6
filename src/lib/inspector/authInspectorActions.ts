import { tokenIdOf, type Auth } from '../../../machines/index.js';
import type { InspectorAction } from './InspectorAction.js';

/**
 * The auth chart's events worth sending by hand while watching it. Going offline is not an
 * event of the chart (it learns of it when a request fails): the browser's offline mode does
 * that; coming back is WAKE, which the page's `online` event sends.
 */
export function authInspectorActions(auth: Auth): InspectorAction[] {
  return [
    { label: 'Refresh now', event: () => ({ type: 'REFRESH' }) },
    {
      label: 'Simulate a 401',
      // What auth.fetch sends when the API refuses the access token in use: a token id, never the token.
      event: () => {
        const session = auth.actor.getSnapshot().context.session;
        return session ? { type: 'TOKEN_REJECTED', tokenId: tokenIdOf(session.accessClaims) } : null;
      },
    },
    { label: 'Wake / back online', event: () => ({ type: 'WAKE' }) },
    { label: 'User active', event: () => ({ type: 'USER_ACTIVE' }) },
    { label: 'Sign out', event: () => ({ type: 'SIGN_OUT' }) },
  ];
}
