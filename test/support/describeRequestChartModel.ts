import { createActor, fromPromise, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { flush } from './ScriptedActors.js';
import { allTransitionKeys, transitionKey } from './transitionCoverage.js';

/** A request's answers in the model: each output it may resolve with, and the error it may fail with. */
export interface RequestOutcomes {
  outputs: unknown[];
  error: unknown;
}

/** An event of a path: a user's, or a request settled (its invoke id is its source). */
export type ModelStepEvent = EventObject & { output?: unknown; error?: unknown; actorId?: string };

export interface RequestChartModel {
  /** A chart whose requests are invoked promise actors, one per id in `outcomes`. */
  machine: AnyStateMachine;
  input(): unknown;
  outcomes: Record<string, RequestOutcomes>;
  userEvents: EventObject[];
  /** What tells two events apart for the path search (default: the type). */
  eventKey?(event: EventObject): string;
  /** What tells two states apart for the path search: the value, and what guards read. */
  stateKey(snapshot: AnyMachineSnapshot): string;
  /** The chart's own invariants, after each step of every path on the real actor. */
  checkStep(snapshot: AnyMachineSnapshot, event: ModelStepEvent): void;
  /** Before each step, for invariants about what a step does (counters kept by `input`). */
  beforeStep?(event: ModelStepEvent): void;
}

/**
 * The account-side charts (account flows, settings, account data) walked as the session's is:
 * shortest paths that together take every transition, each replayed on the real actor with its
 * requests settled by hand, checked step by step against the path and the chart's invariants.
 */
export function describeRequestChartModel(name: string, model: RequestChartModel): void {
  const { machine, outcomes } = model;
  const eventKey = model.eventKey ?? ((event: EventObject) => event.type);
  const stateKey = (snapshot: AnyMachineSnapshot | undefined) => (snapshot ? model.stateKey(snapshot) : 'none');

  /** Every user event, and the outcomes of the request in flight. */
  const events = (snapshot: AnyMachineSnapshot): EventObject[] => [
    ...model.userEvents,
    ...Object.keys(snapshot.children).flatMap((id) => [
      ...outcomes[id]!.outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output, actorId: id })),
      { type: `xstate.error.actor.${id}`, error: outcomes[id]!.error, actorId: id },
    ]),
  ];

  const paths = getShortestPaths(machine, {
    input: model.input(),
    events: events as never,
    serializeEvent: eventKey as never,
    serializeState: (snapshot, event, previous) => `${stateKey(previous)} ${event ? eventKey(event) : 'init'} ${stateKey(snapshot)}`,
  });
  const allTransitions = allTransitionKeys(machine);
  const replayed = new Set<string>();

  describe(`${name}, model-based`, () => {
    it('generates paths that together take every transition', () => {
      const taken = new Set<string>();
      for (const path of paths) {
        path.steps.forEach((step, index) => {
          const before = path.steps[index - 1]?.state;
          if (before) for (const transition of machine.getTransitionData(before as never, step.event as never)) taken.add(transitionKey(transition));
        });
      }
      expect(allTransitions.filter((key) => !taken.has(key))).toEqual([]);
    });

    it.each(paths.map((path) => [path.steps.slice(1).map((step) => eventKey(step.event)).join(' → ') || '(initial)', path] as const))(
      'replays %s on the real actor',
      async (_, path) => {
        const pending = new Map<string, { resolve(output: unknown): void; reject(error: unknown): void }>();
        const scripted = Object.fromEntries(
          Object.keys(outcomes).map((id) => [id, fromPromise(() => new Promise((resolve, reject) => pending.set(id, { resolve, reject })))]),
        );
        const actor = createActor(machine.provide({ actors: scripted as never }), {
          input: model.input(),
          inspect: (event) => {
            if (event.type === '@xstate.microstep') for (const transition of event._transitions) replayed.add(transitionKey(transition));
          },
        });
        actor.start();
        for (const step of path.steps.slice(1)) {
          const event = step.event as ModelStepEvent;
          model.beforeStep?.(event);
          if (event.actorId) {
            const request = pending.get(event.actorId)!;
            if (event.type.includes('.done.')) request.resolve(event.output);
            else request.reject(event.error);
          } else actor.send(event as never);
          await flush();
          const snapshot = actor.getSnapshot();
          expect(snapshot.value).toEqual(step.state.value);
          model.checkStep(snapshot, event);
        }
        actor.stop();
      },
    );

    it('replays took every transition on the real actor', () => {
      expect(allTransitions.filter((key) => !replayed.has(key))).toEqual([]);
    });
  });
}
