import { createActor, fromPromise, setup, toPromise, type ActorRef, type ActorRefLike, type AnyEventObject, type InspectionEvent, type Snapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { redactedInspector } from '../../../machines/inspect/index.js';

// Inspectors read the actor references of inspection events by themselves, later: they subscribe
// (with a function, an observer, or next/error/complete handlers, as XState allows), interop
// through `@@observable` (RxJS `from(actor)`), and persist snapshots. Every way must give
// redacted snapshots, and still give them: an inspector that hears nothing is broken too.
// A small chart with a secret in each place one can be: context, and an invoked actor's input and
// output; the actor that fails holds one too, so the error path is held to the same rule.

/** Token-shaped, as a failing request's message can quote one. */
const TOKEN_IN_ERROR = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const SECRETS = ['refresh-secret', 'pw-secret', 'access-secret', TOKEN_IN_ERROR];

const chart = setup({
  actors: {
    signIn: fromPromise(async ({ input }: { input: { username: string; password: string } }) => ({ accessToken: 'access-secret', user: input.username })),
    refresh: fromPromise<never, { refreshToken: string }>(async () => {
      throw new Error(`declined ${TOKEN_IN_ERROR}`, { cause: { refreshToken: 'refresh-secret' } });
    }),
  },
}).createMachine({
  id: 'root',
  context: { refreshToken: 'refresh-secret', user: 'alice' },
  initial: 'signingIn',
  states: {
    signingIn: { invoke: { id: 'signIn', src: 'signIn', input: { username: 'alice', password: 'pw-secret' }, onDone: 'refreshing' } },
    refreshing: { invoke: { id: 'refresh', src: 'refresh', input: ({ context }) => ({ refreshToken: context.refreshToken }), onError: 'done' } },
    done: { type: 'final' },
  },
});

/**
 * The actor as inspectors use it. XState types an inspection event's actor as ActorRefLike
 * (sessionId, send, getSnapshot), though it hands the actor itself; the stand-in must keep the rest.
 */
type InspectedActor = ActorRef<Snapshot<unknown>, AnyEventObject>;

function isInspectedActor(ref: ActorRefLike): ref is InspectedActor {
  return 'id' in ref && 'subscribe' in ref && 'getPersistedSnapshot' in ref;
}

function actorOf(event: InspectionEvent): InspectedActor {
  if (!isInspectedActor(event.actorRef)) throw new Error(`${event.type} carries an actor without id, subscribe or getPersistedSnapshot`);
  return event.actorRef;
}

/** Runs the chart with a redacted inspector; `onEvent` sees each redacted event as it comes. */
async function inspected(onEvent: (event: InspectionEvent) => void): Promise<InspectionEvent[]> {
  const events: InspectionEvent[] = [];
  const actor = createActor(chart, {
    inspect: redactedInspector((event) => {
      events.push(event);
      onEvent(event);
    }),
  });
  actor.start();
  await toPromise(actor);
  return events;
}

/** The root actor's id is generated; an invoked actor's is its `invoke.id`. */
const isActor = (event: InspectionEvent, id: string) => (id === 'root' ? event.actorRef.sessionId === event.rootId : actorOf(event).id === id);
const created = (event: InspectionEvent, id: string) => event.type === '@xstate.actor' && isActor(event, id);
const expectNoSecret = (value: unknown) => {
  const json = JSON.stringify(value);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
};

describe('actor references in redacted inspection events', () => {
  it('give redacted snapshots to a subscriber by function, by observer and by handlers', async () => {
    const byFunction: unknown[] = [];
    const byObserver: unknown[] = [];
    const byHandlers: unknown[] = [];
    const ended: unknown[] = [];
    await inspected((event) => {
      if (created(event, 'root')) actorOf(event).subscribe((snapshot) => byFunction.push(snapshot));
      if (created(event, 'signIn')) {
        actorOf(event).subscribe({ next: (snapshot) => byObserver.push(snapshot), complete: () => ended.push('signIn complete') });
      }
      if (created(event, 'refresh')) {
        actorOf(event).subscribe(
          (snapshot) => byHandlers.push(snapshot),
          (error: unknown) => ended.push(error),
        );
      }
    });
    // Each form heard its actor, secret redacted: not merely nothing.
    expect(byFunction).toContainEqual(expect.objectContaining({ value: 'refreshing', context: { refreshToken: '[redacted]', user: 'alice' } }));
    expect(byObserver).toContainEqual(expect.objectContaining({ status: 'done', output: { accessToken: '[redacted]', user: 'alice' } }));
    expect(byHandlers).toContainEqual(expect.objectContaining({ input: { refreshToken: '[redacted]' } }));
    // The failure as the snapshot's `error` shows it: its kind, without the message's token or the cause.
    expect(ended).toEqual(['signIn complete', { name: 'Error' }]);
    expectNoSecret([byFunction, byObserver, byHandlers, ended]);
  });

  it('call an observer only for the handlers it has, and leave a failure to the chart', async () => {
    // Calling a handler the observer lacks throws inside XState, which reports it as an uncaught
    // error after the fact: vitest fails the run for it, whatever the assertion below says.
    const heard: string[] = [];
    await inspected((event) => {
      if (created(event, 'signIn')) {
        actorOf(event).subscribe({ complete: () => heard.push('signIn complete') });
        // No complete handler, on an actor that completes.
        actorOf(event).subscribe({ next: () => undefined });
      }
      // No error handler, on an actor that fails: the chart's onError handles it.
      if (created(event, 'refresh')) actorOf(event).subscribe({ next: () => undefined });
    });
    expect(heard).toEqual(['signIn complete']);
  });

  it('are their own `@@observable` (what RxJS `from(actor)` subscribes to), not the live actor behind them', async () => {
    const seen: { standIn: unknown; observable: unknown }[] = [];
    await inspected((event) => {
      if (!created(event, 'signIn')) return;
      const method: unknown = Reflect.get(actorOf(event), '@@observable');
      if (typeof method === 'function') seen.push({ standIn: event.actorRef, observable: method.call(event.actorRef) });
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.observable).toBe(seen[0]!.standIn);
  });

  it('give a persisted snapshot that keeps the state and hides the secrets', async () => {
    const persisted: unknown[] = [];
    await inspected((event) => {
      if (event.type === '@xstate.snapshot' && isActor(event, 'root')) persisted.push(actorOf(event).getPersistedSnapshot());
    });
    expect(persisted).toContainEqual(expect.objectContaining({ value: 'refreshing', context: { refreshToken: '[redacted]', user: 'alice' } }));
    expectNoSecret(persisted);
  });
});

describe('redacted inspection events', () => {
  it('keep the shape of the event XState sent (the same fields, the same state, nothing added) without its secrets', async () => {
    const raw: InspectionEvent[] = [];
    const actor = createActor(chart, { inspect: (event) => void raw.push(event) });
    actor.start();
    await toPromise(actor);
    const redacted: InspectionEvent[] = [];
    const inspect = redactedInspector((event) => void redacted.push(event));
    for (const event of raw) inspect(event);

    expect(redacted).toHaveLength(raw.length);
    redacted.forEach((event, index) => {
      const original = raw[index]!;
      expect(Object.keys(event).sort()).toEqual(Object.keys(original).sort());
      if (!('snapshot' in original)) return;
      const snapshot = (event as { snapshot: Record<string, unknown> }).snapshot;
      const source = original.snapshot as unknown as Record<string, unknown>;
      expect(Object.keys(snapshot).sort()).toEqual(Object.keys(source).sort());
      expect(snapshot.status).toBe(source.status);
      expect(snapshot.value).toEqual(source.value);
    });
    expectNoSecret(redacted);
  });
});

describe('redactedInspector', () => {
  it('takes an observer (as @statelyai/inspect gives) and hands it redacted events', async () => {
    const events: InspectionEvent[] = [];
    const actor = createActor(chart, { inspect: redactedInspector({ next: (event) => void events.push(event) }) });
    actor.start();
    await toPromise(actor);
    expect(events).toContainEqual(expect.objectContaining({ snapshot: expect.objectContaining({ context: { refreshToken: '[redacted]', user: 'alice' } }) }));
  });

  it('leaves an observer without `next` uncalled, and the chart runs to its end', async () => {
    const silent = createActor(chart, { inspect: redactedInspector({ error: () => undefined }) });
    silent.start();
    await expect(toPromise(silent)).resolves.toBeUndefined();
  });
});
