import { waitFor, type Actor, type AnyStateMachine, type EventFromLogic, type EventObject, type SnapshotFrom } from 'xstate';
import { AuthError } from '../AuthError.js';
import { whenSettled } from '../whenSettled.js';

/** What the account charts share: tagged `busy` while a request runs, its failure in `context.error`. */
interface RequestSnapshot {
  hasTag(tag: 'busy'): boolean;
  can(event: EventObject): boolean;
  context: { error: AuthError | null };
}

const idle = (snapshot: unknown) => !(snapshot as RequestSnapshot).hasTag('busy');

/**
 * Sends `event` to an account chart once no request is running, and resolves with the snapshot
 * after the request it starts, or rejects with that request's error. An event the chart does
 * not take now is refused as `invalidRequest`, never queued.
 */
export async function performRequest<TLogic extends AnyStateMachine>(
  actor: Actor<TLogic>,
  event: EventFromLogic<TLogic>,
): Promise<SnapshotFrom<TLogic>> {
  await whenSettled(actor, idle, (before: RequestSnapshot) => {
    if (!before.can(event)) throw new AuthError('invalidRequest', `${event.type} is not possible at this step.`);
    actor.send(event);
  });
  const after = await waitFor(actor, idle);
  const { error } = (after as RequestSnapshot).context;
  if (error) throw error;
  return after;
}
