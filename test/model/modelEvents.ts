import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { AuthError, resolveConfig, tokenIdOf, type AuthContext, type Session } from '../../machines/index.js';
import { createSession } from '../../machines/tokens/createSession.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

/** Model time starts here; every replay sets its SimulatedClock to it. */
export const T0 = Date.UTC(2026, 0, 1, 12);

export const MODEL_CONFIG = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });

/** Fresh tokens issued at device time `now` (1 h lifetime, like Cognito's default). */
export function sessionAt(now: number, serial = 0): Session {
  return createSession(makeTokenSet({ iatSeconds: Math.floor(now / 1000), lifetimeSeconds: 3600, serial }), MODEL_CONFIG, now);
}

const refused = new AuthError('refreshRejected', 'The session can no longer be refreshed; please sign in again.');
const offline = new AuthError('network', 'Could not reach the user pool service; check the connection.');

/**
 * The payload cases of every event the machine handles. The graph walk asks the current snapshot
 * which events it accepts and takes every case listed here; an accepted event with no entry fails
 * the suite, so a new transition cannot go untested by accident.
 */
/** A token id that names no token in use: a 401 for tokens a refresh has already replaced. */
export const STALE_TOKEN_ID = 'stale-token';

/** The ID token in use now (the replay swaps in its own, as its tokens differ). */
function tokenCases(type: string) {
  return (snapshot: AnyMachineSnapshot): EventObject[] => {
    const session = (snapshot.context as AuthContext).session;
    const current = session ? tokenIdOf(session.idClaims) : 'no-session';
    return [withPayload(type, { tokenId: current }), withPayload(type, { tokenId: STALE_TOKEN_ID })];
  };
}

const CASES: Record<string, EventObject[] | ((snapshot: AnyMachineSnapshot) => EventObject[])> = {
  TOKEN_REJECTED: tokenCases('TOKEN_REJECTED'),
  SESSION_REVOKED: tokenCases('SESSION_REVOKED'),
  SIGN_IN: [{ type: 'SIGN_IN', username: 'demo', password: 'pw' } as EventObject],
  SIGN_OUT: [{ type: 'SIGN_OUT' }, { type: 'SIGN_OUT', global: true } as EventObject],
  REFRESH: [{ type: 'REFRESH' }],
  STORAGE_FALLBACK: [{ type: 'STORAGE_FALLBACK', error: new AuthError('storageUnavailable', 'Storage is unavailable.') } as EventObject],
  'xstate.done.actor.restoreSession': [
    { status: 'empty' },
    { status: 'usable', session: sessionAt(T0) },
    { status: 'refreshable', session: sessionAt(T0 - 2 * 3600_000) },
    { status: 'invalid', error: new AuthError('invalidStorage', 'The stored session is not valid JSON.') },
  ].map((output) => ({ type: 'xstate.done.actor.restoreSession', output, actorId: 'restoreSession' })),
  'xstate.error.actor.restoreSession': [errorEvent('restoreSession', new AuthError('unknown', 'Storage exploded'))],
  'xstate.done.actor.signInWithPassword': [doneEvent('signInWithPassword', sessionAt(T0))],
  'xstate.error.actor.signInWithPassword': [
    errorEvent('signInWithPassword', new AuthError('invalidCredentials', 'Incorrect username or password.')),
  ],
  'xstate.done.actor.refreshSession': [doneEvent('refreshSession', sessionAt(T0))],
  'xstate.error.actor.refreshSession': [errorEvent('refreshSession', refused), errorEvent('refreshSession', offline)],
  'xstate.done.actor.revokeSession': [doneEvent('revokeSession', { revoked: true, globalSignOut: 'notRequested' })],
  'xstate.error.actor.revokeSession': [errorEvent('revokeSession', new AuthError('unknown', 'Revoke exploded'))],
  'xstate.after.refreshDue.auth.signedIn': [{ type: 'xstate.after.refreshDue.auth.signedIn' }],
  'xstate.after.refreshRetry.auth.refreshing.retrying': [{ type: 'xstate.after.refreshRetry.auth.refreshing.retrying' }],
};

function withPayload(type: string, payload: Record<string, unknown>): EventObject {
  return { type, ...payload };
}

function doneEvent(actorId: string, output: unknown): EventObject {
  return { type: `xstate.done.actor.${actorId}`, output, actorId } as EventObject;
}

function errorEvent(actorId: string, error: AuthError): EventObject {
  return { type: `xstate.error.actor.${actorId}`, error, actorId } as EventObject;
}

/** The events the snapshot's active states accept, with every payload case of each. */
export function modelEvents(snapshot: AnyMachineSnapshot): EventObject[] {
  const accepted = new Set<string>(snapshot._nodes.flatMap((node) => [...node.transitions.keys()]));
  return [...accepted].flatMap((type) => {
    const cases = CASES[type];
    if (!cases) throw new Error(`The model has no payload cases for event "${type}": add them to modelEvents.ts`);
    return typeof cases === 'function' ? cases(snapshot) : cases;
  });
}

/** Event identity for the graph: type plus what distinguishes its cases. */
export function eventKey(event: EventObject): string {
  const e = event as EventObject & { output?: { status?: string }; error?: AuthError; global?: boolean; tokenId?: string };
  const tokenCase = e.tokenId === undefined ? undefined : e.tokenId === STALE_TOKEN_ID ? 'stale' : 'current';
  const detail = e.output?.status ?? e.error?.code ?? tokenCase ?? (e.global ? 'global' : '');
  return detail ? `${e.type}(${detail})` : e.type;
}

/** The parts of a snapshot that change what can happen next (tokens and counters left out). */
export function snapshotKey(snapshot: AnyMachineSnapshot | undefined): string {
  if (!snapshot) return 'none';
  const { context } = snapshot;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    session: context.session !== null,
    error: context.error?.code ?? null,
    endReason: context.endReason,
    failures: Math.min(context.refreshFailures, 2),
    storageWarning: context.storageWarning !== null,
  });
}
