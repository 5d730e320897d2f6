import { waitFor, type AnyActorRef, type SnapshotFrom } from 'xstate';

/**
 * Waits until the actor is `settled`, then hands `decide` the snapshot read in the same tick as
 * that last check, so a step is judged on what the actor holds when the step is sent, never on
 * the snapshot a wait ended with. Two callers in the same tick (a double submit) take turns: the
 * second finds the first one's request running and waits for it too. The first wait is always
 * awaited, so a caller that is a subscriber is judged once the actor has taken the event it was
 * told of.
 */
export async function whenSettled<TActor extends AnyActorRef, TResult>(
  actor: TActor,
  settled: (snapshot: SnapshotFrom<TActor>) => boolean,
  decide: (snapshot: SnapshotFrom<TActor>) => TResult,
  options: { signal?: AbortSignal } = {},
): Promise<TResult> {
  do await waitFor(actor, settled, options);
  while (!settled(actor.getSnapshot()));
  return decide(actor.getSnapshot());
}
