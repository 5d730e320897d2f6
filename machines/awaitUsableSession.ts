import { waitFor, type SnapshotFrom } from 'xstate';
import { AuthError } from './AuthError.js';
import type { AuthActor } from './authMachine.js';
import type { Clock } from './AuthPorts.js';
import { isExpired, msUntilRefresh, type Session } from './tokens/Session.js';

/**
 * The session to use now, once nothing is in flight, refreshing first when the token is within
 * the refresh lead (timers freeze in background tabs and sleeping computers, so the proactive
 * refresh may not have run). Rejects with a typed error when there is no usable session:
 * `notSignedIn`, `sessionExpired`, or `offline` (tokens expired while refreshing keeps failing).
 */
export async function awaitUsableSession(
  actor: AuthActor,
  clock: Clock,
  options: { signal?: AbortSignal; refreshIfDue: boolean },
): Promise<Session> {
  const notBusy = (s: SnapshotFrom<AuthActor>) => !s.hasTag('busy');
  // Judged on the snapshot read after the last wait, not the one it ended with: a sign-in asked
  // for in the same tick may have started meanwhile, and its outcome is the one to wait for.
  do await waitFor(actor, notBusy, options.signal ? { signal: options.signal } : {});
  while (!notBusy(actor.getSnapshot()));
  const snapshot = actor.getSnapshot();
  const { session, error, config } = snapshot.context;
  const now = clock.now();
  const signedIn = snapshot.matches('signedIn') || snapshot.matches('refreshing');
  if (snapshot.matches('signedIn') && session && options.refreshIfDue && msUntilRefresh(session, config.refreshLeadMs, now) === 0) {
    actor.send({ type: 'REFRESH' });
    return awaitUsableSession(actor, clock, { ...options, refreshIfDue: false });
  }
  // A transient refresh failure keeps tokens usable until they expire.
  if (signedIn && session && !isExpired(session, now)) return session;
  if (signedIn) {
    throw new AuthError('offline', 'You appear to be offline; the session resumes when the connection is back.', {
      cause: error,
    });
  }
  if (snapshot.matches('expired')) throw new AuthError('sessionExpired', 'The session has expired; please sign in again.');
  throw new AuthError('notSignedIn', 'Sign in to call this API.');
}
