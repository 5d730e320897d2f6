import { getShortestPaths } from 'xstate/graph';
import { authMachine, memoryStorage } from '../../machines/index.js';
import { eventKey, MODEL_CONFIG, modelEvents, modelPorts, snapshotKey, T0 } from './modelEvents.js';

/**
 * The model's paths. Vertices are (previous snapshot, event, snapshot), so the shortest path to
 * every vertex ends with a distinct edge: together the paths take every transition, not only
 * reach every state. The walk's clock stands still at T0.
 */
export function modelPaths() {
  return getShortestPaths(authMachine, {
    input: { config: MODEL_CONFIG, ports: modelPorts(memoryStorage(), { now: () => T0 }) },
    // The walk also sends done, error and delay events, which AuthEvent (user events) leaves out.
    events: modelEvents as never,
    serializeEvent: eventKey as never,
    serializeState: (snapshot, event, previous) =>
      `${snapshotKey(previous)} ${event ? eventKey(event) : 'init'} ${snapshotKey(snapshot)}`,
    limit: 100_000,
  });
}
