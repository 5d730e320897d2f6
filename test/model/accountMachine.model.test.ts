// The account flows' chart (authchart/account), walked as the session's is: paths that together
// take every transition, each replayed on the real actor with its requests settled by hand.
import { createActor, fromPromise, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { accountMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { flush } from '../support/ScriptedActors.js';
import { allTransitionKeys, transitionKey } from '../support/transitionCoverage.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const delivery = { destination: 'd***@e***', medium: 'EMAIL' };

/** What each request may answer. */
const OUTCOMES: Record<string, { outputs: unknown[]; error: AuthError }> = {
  signUp: {
    outputs: [
      { username: 'demo', userConfirmed: false, codeDelivery: delivery },
      { username: 'demo', userConfirmed: true, codeDelivery: null },
    ],
    error,
  },
  confirmSignUp: { outputs: [{ username: 'demo' }], error },
  resendSignUpCode: { outputs: [delivery], error },
  signInAfterSignUp: { outputs: ['signedIn'], error },
  forgotPassword: { outputs: [delivery], error },
  confirmPasswordReset: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'SIGN_UP', username: 'demo', password: 'pw' } as EventObject,
  { type: 'SIGN_UP', username: 'demo', password: 'pw', autoSignIn: true } as EventObject,
  { type: 'CONFIRM_SIGN_UP', username: 'demo', code: '123456' } as EventObject,
  { type: 'RESEND_SIGN_UP_CODE', username: 'demo' } as EventObject,
  { type: 'FORGOT_PASSWORD', username: 'demo' } as EventObject,
  { type: 'CONFIRM_PASSWORD_RESET', username: 'demo', code: '123456', newPassword: 'new-pw' } as EventObject,
  { type: 'CANCEL' },
];

/** Every user event, and the outcomes of the request in flight (its invoke id is its source). */
function events(snapshot: AnyMachineSnapshot): EventObject[] {
  const running = Object.keys(snapshot.children);
  return [
    ...USER_EVENTS,
    ...running.flatMap((id) => [
      ...OUTCOMES[id]!.outputs.map((output) => ({ type: `xstate.done.actor.${id}`, output, actorId: id })),
      { type: `xstate.error.actor.${id}`, error: OUTCOMES[id]!.error, actorId: id },
    ]),
  ];
}

const eventKey = (event: EventObject) => {
  const { output, autoSignIn } = event as { output?: { userConfirmed?: boolean }; autoSignIn?: boolean };
  return `${event.type}${autoSignIn ? '(autoSignIn)' : ''}${output?.userConfirmed === undefined ? '' : `(confirmed=${output.userConfirmed})`}`;
};
/** What guards read: the state and whether a password is kept for sign-in. */
const stateKey = (snapshot: AnyMachineSnapshot | undefined) =>
  snapshot ? JSON.stringify([snapshot.value, snapshot.context.autoSignIn !== null]) : 'none';

const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signIn: async () => 'signedIn',
});

const paths = getShortestPaths(accountMachine, {
  input: input(),
  events: events as never,
  serializeEvent: eventKey as never,
  serializeState: (snapshot, event, previous) => `${stateKey(previous)} ${event ? eventKey(event) : 'init'} ${stateKey(snapshot)}`,
});
const allTransitions = allTransitionKeys(accountMachine);
const replayed = new Set<string>();

describe('accountMachine, model-based', () => {
  it('generates paths that together take every transition', () => {
    const taken = new Set<string>();
    for (const path of paths) {
      path.steps.forEach((step, index) => {
        const before = path.steps[index - 1]?.state;
        if (before) for (const transition of accountMachine.getTransitionData(before as never, step.event as never)) taken.add(transitionKey(transition));
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
      const actor = createActor(accountMachine.provide({ actors: scripted as never }), {
        input: input(),
        inspect: (event) => {
          if (event.type === '@xstate.microstep') for (const transition of event._transitions) replayed.add(transitionKey(transition));
        },
      });
      actor.start();
      for (const step of path.steps.slice(1)) {
        const event = step.event as EventObject & { output?: unknown; error?: unknown; actorId?: string };
        if (event.actorId) {
          const request = pending.get(event.actorId)!;
          if (event.type.includes('.done.')) request.resolve(event.output);
          else request.reject(event.error);
        } else actor.send(event as never);
        await flush();
        const snapshot = actor.getSnapshot();
        expect(snapshot.value).toEqual(step.state.value);
        // The password kept for autoSignIn lives only while a sign-up waits to sign in.
        if (snapshot.matches('idle') || snapshot.matches('awaitingResetCode') || snapshot.matches('requestingPasswordReset')) {
          expect(snapshot.context.autoSignIn).toBeNull();
        }
      }
      actor.stop();
    },
  );

  it('replays took every transition on the real actor', () => {
    expect(allTransitions.filter((key) => !replayed.has(key))).toEqual([]);
  });
});
