import { createActor, SimulatedClock, type AnyMachineSnapshot, type EventObject } from 'xstate';
import { describe, expect, it } from 'vitest';
import { authMachine, memoryStorage, tokenIdOf, type AuthContext, type Session } from '../../machines/index.js';
import { serializeSession } from '../../machines/storage/storedSession.js';
import { isExpired } from '../../machines/tokens/Session.js';
import { flush, ScriptedActors } from '../support/ScriptedActors.js';
import { allTransitionKeys, transitionKey, transitionsTaken } from '../support/transitionCoverage.js';
import { eventKey, MODEL_CONFIG, modelPorts, outcomeAt, snapshotKey, sourceOf, STALE_TOKEN_ID, T0, timerDelay } from './modelEvents.js';
import { modelPaths } from './modelPaths.js';

const paths = modelPaths();

const allTransitions = allTransitionKeys(authMachine);
const replayedTransitions = new Set<string>();

function describePath(steps: readonly { event: EventObject }[]): string {
  return steps.slice(1).map((step) => eventKey(step.event)).join(' → ') || '(initial)';
}

describe('authMachine, model-based', () => {
  it('generates paths that together take every transition', () => {
    const taken = new Set<string>();
    for (const path of paths) {
      path.steps.forEach((step, index) => {
        const before = path.steps[index - 1]?.state;
        if (before) for (const key of transitionsTaken(before, step.event)) taken.add(key);
      });
    }
    console.log(`model: ${paths.length} paths; transitions covered: ${taken.size}/${allTransitions.length}`);
    expect(allTransitions.filter((key) => !taken.has(key))).toEqual([]);
  });

  it.each(paths.map((path) => [describePath(path.steps), path] as const))('replays %s on the real actor', async (_, path) => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const storage = memoryStorage();
    const scripted = new ScriptedActors();
    let serial = 1;
    const actor = createActor(scripted.machine(), {
      clock,
      input: { config: MODEL_CONFIG, ports: modelPorts(storage, clock) },
      inspect: (event) => {
        if (event.type === '@xstate.microstep') {
          for (const transition of event._transitions) replayedTransitions.add(transitionKey(transition));
        }
      },
    });
    actor.start();
    await flush();

    for (const step of path.steps.slice(1)) {
      const event = step.event as EventObject & { output?: unknown; error?: unknown; actorId?: string };
      const before = actor.getSnapshot();
      const actorId = event.type.match(/^xstate\.(?:done|error)\.actor\.(\w+)$/)?.[1];
      if (actorId) {
        const source = sourceOf(actorId);
        const outcome = outcomeAt(
          source,
          event.type.includes('.done.') ? { output: event.output } : { error: event.error },
          before.context,
          clock.now(),
          serial++,
        );
        if (source === 'restoreSession' && 'output' in outcome) seedStorage(storage, outcome.output as never);
        scripted.settle(source as never, outcome);
        await flush();
      } else if (event.type.startsWith('xstate.after.')) {
        const delay = timerDelay(event.type, before.context);
        if (delay > 0) {
          clock.increment(delay - 1);
          await flush();
          expect(snapshotKey(actor.getSnapshot()), 'the timer fired early').toBe(snapshotKey(before));
        }
        clock.increment(delay === 0 ? 0 : 1);
        await flush();
      } else {
        const tokenId = (event as { tokenId?: string }).tokenId;
        // "The current token" means the replay's own, which differs from the model's.
        const current = tokenId !== undefined && tokenId !== STALE_TOKEN_ID && before.context.session;
        // The other tab that signed out has cleared the shared storage.
        if (event.type === 'SIGNED_OUT_ELSEWHERE') storage.removeItem(MODEL_CONFIG.storageKey);
        actor.send((current ? { ...event, tokenId: tokenIdOf(current.idClaims) } : event) as never);
        await flush();
      }
      const snapshot = actor.getSnapshot();
      expect(snapshot.value).toEqual(step.state.value);
      checkInvariants(snapshot, storage, clock.now());
      expect(scripted.maxInFlight.refreshSession ?? 0).toBeLessThanOrEqual(1);
    }
    actor.stop();
  });

  it('replays took every transition on the real actor', () => {
    console.log(`replay: transitions covered: ${replayedTransitions.size}/${allTransitions.length}`);
    expect(allTransitions.filter((key) => !replayedTransitions.has(key))).toEqual([]);
  });
});

/** What restore "found": the store holds exactly that, so storage/state agreement can be checked. */
function seedStorage(storage: ReturnType<typeof memoryStorage>, output: { status: string; session?: Session }) {
  if (output.session) storage.setItem(MODEL_CONFIG.storageKey, serializeSession(output.session));
  if (output.status === 'invalid') storage.setItem(MODEL_CONFIG.storageKey, '{"version":0}');
  if (output.status === 'empty') storage.removeItem(MODEL_CONFIG.storageKey);
}

/** Invariants that hold after every step of every path. */
function checkInvariants(snapshot: AnyMachineSnapshot, storage: ReturnType<typeof memoryStorage>, now: number) {
  const context = snapshot.context as AuthContext;
  const stored = storage.getItem(MODEL_CONFIG.storageKey);
  expect(snapshot.status).toBe('active');
  if (snapshot.matches('signedIn')) {
    expect(context.session).not.toBeNull();
    expect(isExpired(context.session!, now), 'signedIn with expired tokens').toBe(false);
  }
  // (While refreshing, another tab may have changed storage; the refresh then writes it again.)
  if (snapshot.matches('signedIn')) {
    expect(stored, 'storage holds the session in use').toBe(serializeSession(context.session!));
  }
  if (snapshot.matches('signedOut') || snapshot.matches('expired') || snapshot.matches('signingOut')) {
    expect(stored, 'storage is empty once the session is over').toBeNull();
  }
  if (snapshot.matches('signedOut') || snapshot.matches('expired')) expect(context.session).toBeNull();
  expectNoSecretWithoutSession(snapshot);
}

/**
 * Without a session, the context holds no secret of any kind; signing out holds only the tokens
 * it is revoking. Checked after every step of every path.
 */
function expectNoSecretWithoutSession(snapshot: AnyMachineSnapshot) {
  const context = snapshot.context as AuthContext;
  if (!snapshot.matches('signedOut') && !snapshot.matches('expired') && !snapshot.matches('signingOut')) return;
  const where = JSON.stringify(snapshot.value);
  if (!snapshot.matches('signingOut')) expect(context.session, `tokens in ${where}`).toBeNull();
  // The challenge carries an MFA set-up's TOTP secret too.
  expect(context.challenge, `challenge session in ${where}`).toBeNull();
}
