// The account data chart (authchart/account's createAccountData), walked as the settings' is:
// paths that together take every transition, each replayed on the real actor with its requests
// settled by hand.
import { createActor, fromPromise, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { accountDataMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { flush } from '../support/ScriptedActors.js';
import { allTransitionKeys, transitionKey } from '../support/transitionCoverage.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const user = { username: 'demo', attributes: { email: 'demo@example.com' }, mfa: { enabled: ['totp'], preferred: 'totp' } };
const delivery = { attributeName: 'email', destination: 'd***@e***', medium: 'EMAIL' };

/** What each request may answer. */
const OUTCOMES: Record<string, { outputs: unknown[]; error: AuthError }> = {
  getUser: { outputs: [user], error },
  updateUserAttributes: { outputs: [[delivery]], error },
  sendVerificationCode: { outputs: [delivery], error },
  verifyUserAttribute: { outputs: [{ attributeName: 'email' }], error },
  deleteUserAttributes: { outputs: [undefined], error },
  deleteUser: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'GET_USER' },
  { type: 'UPDATE_USER_ATTRIBUTES', attributes: { email: 'new@example.com' } } as EventObject,
  { type: 'SEND_VERIFICATION_CODE', attributeName: 'email' } as EventObject,
  { type: 'VERIFY_USER_ATTRIBUTE', attributeName: 'email', code: '123456' } as EventObject,
  { type: 'DELETE_USER_ATTRIBUTES', attributeNames: ['nickname'] } as EventObject,
  { type: 'DELETE_USER' },
  { type: 'SESSION_ENDED' },
];

/** Every user event, and the outcomes of the request in flight (its invoke id is its source). */
function events(snapshot: AnyMachineSnapshot): EventObject[] {
  return [
    ...USER_EVENTS,
    ...Object.keys(snapshot.children).flatMap((id) => [
      ...OUTCOMES[id]!.outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output, actorId: id })),
      { type: `xstate.error.actor.${id}`, error: OUTCOMES[id]!.error, actorId: id },
    ]),
  ];
}

const eventKey = (event: EventObject) => event.type;
/** What matters to the next step: the state, and whether user data or a pending code is held. */
const stateKey = (snapshot: AnyMachineSnapshot | undefined) =>
  snapshot ? JSON.stringify([snapshot.value, snapshot.context.user !== null, snapshot.context.codeDeliveries.length]) : 'none';

let deletions = 0;
const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }),
  userDeleted: () => void (deletions += 1),
});

const paths = getShortestPaths(accountDataMachine, {
  input: input(),
  events: events as never,
  serializeEvent: eventKey as never,
  serializeState: (snapshot, event, previous) => `${stateKey(previous)} ${event ? eventKey(event) : 'init'} ${stateKey(snapshot)}`,
});
const allTransitions = allTransitionKeys(accountDataMachine);
const replayed = new Set<string>();

describe('accountDataMachine, model-based', () => {
  it('generates paths that together take every transition', () => {
    const taken = new Set<string>();
    for (const path of paths) {
      path.steps.forEach((step, index) => {
        const before = path.steps[index - 1]?.state;
        if (before) for (const transition of accountDataMachine.getTransitionData(before as never, step.event as never)) taken.add(transitionKey(transition));
      });
    }
    expect(allTransitions.filter((key) => !taken.has(key))).toEqual([]);
  });

  it.each(paths.map((path) => [path.steps.slice(1).map((step) => eventKey(step.event)).join(' → ') || '(initial)', path] as const))(
    'replays %s on the real actor',
    async (_, path) => {
      const pending = new Map<string, { resolve(output: unknown): void; reject(error: unknown): void }>();
      const scripted = Object.fromEntries(
        Object.keys(OUTCOMES).map((id) => [id, fromPromise(() => new Promise((resolve, reject) => pending.set(id, { resolve, reject })))]),
      );
      const actor = createActor(accountDataMachine.provide({ actors: scripted as never }), {
        input: input(),
        inspect: (event) => {
          if (event.type === '@xstate.microstep') for (const transition of event._transitions) replayed.add(transitionKey(transition));
        },
      });
      actor.start();
      for (const step of path.steps.slice(1)) {
        const event = step.event as EventObject & { output?: unknown; error?: unknown; actorId?: string };
        const deletionsBefore = deletions;
        if (event.actorId) {
          const request = pending.get(event.actorId)!;
          if (event.type.includes('.done.')) request.resolve(event.output);
          else request.reject(event.error);
        } else actor.send(event as never);
        await flush();
        const snapshot = actor.getSnapshot();
        expect(snapshot.value).toEqual(step.state.value);
        // Only a deletion Cognito confirmed ends the session, and it leaves nothing of the user.
        const deleted = event.type === 'xstate.done.actor.deleteUser';
        expect(deletions - deletionsBefore).toBe(deleted ? 1 : 0);
        // The session's end leaves nothing, and a request it cut short is never reported done.
        if (event.type === 'SESSION_ENDED' || deleted) {
          expect(snapshot.value).toBe('idle');
          expect(snapshot.context).toMatchObject({ user: null, codeDeliveries: [], notice: null });
        }
      }
      actor.stop();
    },
  );

  it('replays took every transition on the real actor', () => {
    expect(allTransitions.filter((key) => !replayed.has(key))).toEqual([]);
  });
});
