import fc from 'fast-check';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError, memoryStorage, tokenIdOf, type AuthEvent } from '../../machines/index.js';
import { serializeSession } from '../../machines/storage/storedSession.js';
import { isExpired } from '../../machines/tokens/Session.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { flush, ScriptedActors, type ActorId } from '../support/ScriptedActors.js';
import { MODEL_CONFIG, sessionAt, T0 } from './modelEvents.js';

type Outcome = (now: number, serial: number) => { output: unknown } | { error: unknown };

const network = new AuthError('network', 'offline');
const OUTCOMES: Record<ActorId, Outcome[]> = {
  restoreSession: [
    () => ({ output: { status: 'empty' } }),
    (now, serial) => ({ output: { status: 'usable', session: sessionAt(now, serial) } }),
    (now, serial) => ({ output: { status: 'refreshable', session: sessionAt(now - 2 * 3600_000, serial) } }),
    () => ({ output: { status: 'invalid', error: new AuthError('invalidStorage', 'bad') } }),
    () => ({ error: new AuthError('unknown', 'boom') }),
  ],
  signInWithPassword: [
    (now, serial) => ({ output: sessionAt(now, serial) }),
    () => ({ error: new AuthError('invalidCredentials', 'no') }),
    () => ({ error: network }),
  ],
  refreshSession: [
    (now, serial) => ({ output: sessionAt(now, serial) }),
    () => ({ error: new AuthError('refreshRejected', 'revoked') }),
    () => ({ error: network }),
    () => ({ error: new AuthError('tooManyRequests', 'slow down') }),
  ],
  revokeSession: [() => ({ output: { revoked: true, globalSignOut: 'notRequested' } })],
};

const userEvents: AuthEvent[] = [
  { type: 'SIGN_IN', username: 'demo', password: 'pw' },
  { type: 'SIGN_OUT' },
  { type: 'SIGN_OUT', global: true },
  { type: 'REFRESH' },
  { type: 'STORAGE_FALLBACK', error: new AuthError('storageUnavailable', 'gone') },
];

const command = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), event: fc.constantFrom(...userEvents) }),
  // A 401 from the API for the token in use now, or for one already replaced.
  fc.record({
    kind: fc.constant('reject' as const),
    type: fc.constantFrom('TOKEN_REJECTED' as const, 'SESSION_REVOKED' as const),
    current: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), outcome: fc.nat() }),
  // Up to two hours at once: past expiry, refresh timers and retry backoff.
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 7_200_000 }) }),
);

describe('authMachine, random event sequences', () => {
  it('keeps its invariants whatever the order of events, outcomes and time', async () => {
    const visited = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
        const clock = new SimulatedClock();
        clock.set(T0);
        const storage = memoryStorage();
        const scripted = new ScriptedActors();
        const actor = createActor(scripted.machine(), {
          clock,
          input: { config: MODEL_CONFIG, ports: { transport: new FakeCognito(), storage, clock } },
        });
        actor.start();
        let serial = 0;
        for (const step of commands) {
          if (step.kind === 'send') actor.send(step.event);
          if (step.kind === 'reject') {
            const session = actor.getSnapshot().context.session;
            const tokenId = step.current && session ? tokenIdOf(session.idClaims) : 'replaced-token';
            actor.send({ type: step.type, tokenId });
          }
          if (step.kind === 'tick') clock.increment(step.ms);
          if (step.kind === 'settle') {
            const running = scripted.inFlightIds();
            const id = running[step.pick % Math.max(1, running.length)];
            if (id) {
              const outcomes = OUTCOMES[id];
              const outcome = outcomes[step.outcome % outcomes.length]!(clock.now(), serial++);
              // Restore reports what storage held; make storage hold exactly that.
              if (id === 'restoreSession' && 'output' in outcome) {
                const found = outcome.output as { session?: Parameters<typeof serializeSession>[0] };
                if (found.session) storage.setItem(MODEL_CONFIG.storageKey, serializeSession(found.session));
              }
              scripted.settle(id, outcome);
            }
          }
          await flush();

          const snapshot = actor.getSnapshot();
          visited.add(JSON.stringify(snapshot.value));
          const { session } = snapshot.context;
          const stored = storage.getItem(MODEL_CONFIG.storageKey);
          expect(snapshot.status).toBe('active');
          expect(scripted.inFlight('refreshSession')).toBeLessThanOrEqual(1);
          if (snapshot.matches('signedIn')) expect(isExpired(session!, clock.now())).toBe(false);
          if (snapshot.matches('signedIn') || snapshot.matches('refreshing')) expect(stored).toBe(serializeSession(session!));
          if (snapshot.matches('signedOut') || snapshot.matches('expired') || snapshot.matches('signingOut')) {
            expect(stored).toBeNull();
          }
        }
        actor.stop();
      }),
      { numRuns: 300 },
    );
    // Guards against a vacuous property: the random walks must reach every state.
    expect([...visited].sort()).toEqual(
      ['authenticating', 'expired', 'restoring', 'signedIn', 'signedOut', 'signingOut']
        .map((state) => JSON.stringify(state))
        .concat(['{"refreshing":"requesting"}', '{"refreshing":"retrying"}'])
        .sort(),
    );
  });
});
