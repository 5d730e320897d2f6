// The account settings' chart (authchart/account), walked as the session's is: paths that together
// take every transition, each replayed on the real actor with its requests settled by hand.
import { createActor, fromPromise, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { settingsMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { flush } from '../support/ScriptedActors.js';
import { allTransitionKeys, transitionKey } from '../support/transitionCoverage.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const totpSetup = { secretCode: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/authchart:demo?secret=JBSWY3DPEHPK3PXP' };

/** What each request may answer. */
const OUTCOMES: Record<string, { outputs: unknown[]; error: AuthError }> = {
  changePassword: { outputs: [undefined], error },
  setUpTotp: { outputs: [totpSetup], error },
  verifyTotp: { outputs: [undefined], error },
  setMfaPreference: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'CHANGE_PASSWORD', previousPassword: 'pw', proposedPassword: 'new-pw' } as EventObject,
  { type: 'SET_UP_TOTP' },
  { type: 'VERIFY_TOTP', code: '123456' } as EventObject,
  { type: 'SET_MFA_PREFERENCE', totp: true } as EventObject,
  { type: 'CANCEL' },
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
/** What matters to the next step: the state, and whether a TOTP secret is held. */
const stateKey = (snapshot: AnyMachineSnapshot | undefined) =>
  snapshot ? JSON.stringify([snapshot.value, snapshot.context.totpSetup !== null]) : 'none';

const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }),
});

const paths = getShortestPaths(settingsMachine, {
  input: input(),
  events: events as never,
  serializeEvent: eventKey as never,
  serializeState: (snapshot, event, previous) => `${stateKey(previous)} ${event ? eventKey(event) : 'init'} ${stateKey(snapshot)}`,
});
const allTransitions = allTransitionKeys(settingsMachine);
const replayed = new Set<string>();

describe('settingsMachine, model-based', () => {
  it('generates paths that together take every transition', () => {
    const taken = new Set<string>();
    for (const path of paths) {
      path.steps.forEach((step, index) => {
        const before = path.steps[index - 1]?.state;
        if (before) for (const transition of settingsMachine.getTransitionData(before as never, step.event as never)) taken.add(transitionKey(transition));
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
      const actor = createActor(settingsMachine.provide({ actors: scripted as never }), {
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
        // The TOTP secret lives only while its first code is awaited or checked.
        const holdsSecret = snapshot.matches('awaitingTotpCode') || snapshot.matches('verifyingTotp');
        expect(snapshot.context.totpSetup !== null, `TOTP secret in ${String(snapshot.value)}`).toBe(holdsSecret);
        // The session's end leaves nothing, and a request it cut short is never reported done.
        if (event.type === 'SESSION_ENDED') {
          expect(snapshot.value).toBe('idle');
          expect(snapshot.context.notice).toBeNull();
        }
      }
      actor.stop();
    },
  );

  it('replays took every transition on the real actor', () => {
    expect(allTransitions.filter((key) => !replayed.has(key))).toEqual([]);
  });
});
