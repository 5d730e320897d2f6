import type { SnapshotFrom } from 'xstate';
import type { Auth } from '../createAuth.js';

type AuthSnapshot = SnapshotFrom<Auth['actor']>;

/**
 * Sends `actor` SESSION_ENDED when the auth's session ends (or is being signed out) or another
 * user's takes its place, so the account charts forget everything of the last user. Returns
 * the unsubscribe.
 */
export function followSession(auth: Auth, actor: { send(event: { type: 'SESSION_ENDED' }): void }): () => void {
  let user = userOf(auth.actor.getSnapshot());
  const watch = auth.actor.subscribe((snapshot) => {
    const now = userOf(snapshot);
    if (user !== null && now !== user) actor.send({ type: 'SESSION_ENDED' });
    user = now;
  });
  return () => watch.unsubscribe();
}

/** Whose session the auth holds now (`sub`); null when none, or while it is being signed out. */
function userOf(snapshot: AuthSnapshot): string | null {
  if (snapshot.matches('signingOut')) return null;
  return snapshot.context.session?.idClaims.sub ?? null;
}
