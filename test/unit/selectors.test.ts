import { createActor, type SnapshotFrom } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authMachine,
  memoryStorage,
  noRefreshLock,
  resolveConfig,
  selectIsAuthenticated,
  selectIsOffline,
  selectNeedsReauth,
  selectNextStep,
  selectSessionTimes,
  selectUser,
  type AuthContext,
} from '../../machines/index.js';
import { createSession } from '../../machines/tokens/createSession.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../support/fakeTokens.js';

// What apps read from a snapshot (the Svelte bindings show these; their tests run in happy-dom,
// outside the mutation run). Snapshots are the chart's own, resolved at each state.

const NOW = Date.UTC(2026, 0, 1, 12);
const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
/** ID token for an hour, access token for 5 minutes: their expiries must not be confused. */
const session = createSession(
  makeTokenSet({ iatSeconds: NOW / 1000, idLifetimeSeconds: 3600, accessLifetimeSeconds: 300 }),
  TEST_POOL,
  NOW - 1_000,
);

const actors: { stop(): void }[] = [];
afterEach(() => {
  for (const actor of actors.splice(0)) actor.stop();
});

/** The chart's snapshot at `value`, with `context` changes. */
function at(value: Parameters<typeof authMachine.resolveState>[0]['value'], changes: Partial<AuthContext> = {}): SnapshotFrom<typeof authMachine> {
  const clock = { now: () => NOW };
  const actor = createActor(authMachine, {
    input: {
      config,
      ports: { transport: new FakeCognito(), storage: memoryStorage(), clock, channel: null, lock: noRefreshLock, random: () => 0.5, wake: null, activity: null, oauth: null, choice: null, passkeys: null, devices: null },
    },
  });
  actors.push(actor);
  const context = { ...actor.getSnapshot().context, ...changes };
  return authMachine.resolveState({ value, context });
}

describe('selectSessionTimes', () => {
  it('gives each token its own expiry, drift-corrected, and the next refresh from the earlier one', () => {
    const times = selectSessionTimes(at({ signedIn: 'idle' }, { session }), NOW);
    // Drift: iat + 1 s − sent-at = 2 s; each expiry moves by it.
    expect(times).toEqual({
      idExpiresAt: NOW + 3_600_000 - 2_000,
      accessExpiresAt: NOW + 300_000 - 2_000,
      refreshAt: NOW + 300_000 - 2_000 - 60_000,
      driftMs: 2_000,
    });
  });

  it('is null without a session', () => {
    expect(selectSessionTimes(at({ signedOut: 'idle' }), NOW)).toBeNull();
  });
});

describe('selectUser', () => {
  it("is the ID token's user", () => {
    expect(selectUser(at({ signedIn: 'idle' }, { session }))).toEqual({
      sub: session.idClaims.sub,
      username: 'demo',
      email: 'demo@example.com',
      claims: session.idClaims,
    });
    expect(selectUser(at({ signedOut: 'idle' }))).toBeNull();
  });
});

describe('selectIsAuthenticated and selectNextStep', () => {
  it.each([
    [{ signedIn: 'idle' }, true, 'signedIn'],
    [{ refreshing: 'retrying' }, true, 'signedIn'],
    [{ signedOut: 'idle' }, false, 'signIn'],
    ['expired', false, 'signIn'],
    [{ authenticating: 'submitting' }, false, 'signIn'],
    [{ authenticating: 'newPasswordRequired' }, false, 'newPasswordRequired'],
    [{ authenticating: 'mfaCode' }, false, 'mfaCode'],
    [{ authenticating: 'selectMfaType' }, false, 'selectMfaType'],
    [{ authenticating: { mfaSetup: 'awaitingCode' } }, false, 'mfaSetup'],
    [{ authenticating: 'customChallenge' }, false, 'customChallenge'],
  ] as const)('%j: authenticated %s, next step %s', (value, authenticated, step) => {
    const snapshot = at(value as never, { session: authenticated ? session : null });
    expect(selectIsAuthenticated(snapshot)).toBe(authenticated);
    expect(selectNextStep(snapshot)).toBe(step);
  });
});

describe('selectNeedsReauth', () => {
  it('asks over the current page after an unasked end, and while signing in again after one', () => {
    expect(selectNeedsReauth(at('expired', { endReason: 'expired' }))).toBe(true);
    expect(selectNeedsReauth(at({ authenticating: 'submitting' }, { endReason: 'expired' }))).toBe(true);
    expect(selectNeedsReauth(at({ authenticating: 'mfaCode' }, { endReason: 'revoked' }))).toBe(true);
    expect(selectNeedsReauth(at({ authenticating: 'submitting' }, { endReason: 'user' }))).toBe(false);
    expect(selectNeedsReauth(at({ authenticating: 'submitting' }, { endReason: null }))).toBe(false);
    expect(selectNeedsReauth(at({ signedOut: 'idle' }, { endReason: 'expired' }))).toBe(false);
  });
});

describe('selectIsOffline', () => {
  it('is true only while retrying with tokens that expired, from the moment they did', () => {
    const retrying = at({ refreshing: 'retrying' }, { session });
    expect(selectIsOffline(retrying, session.expiresAt - 1)).toBe(false);
    expect(selectIsOffline(retrying, session.expiresAt)).toBe(true);
    expect(selectIsOffline(at({ signedIn: 'idle' }, { session }), session.expiresAt + 1)).toBe(false);
    expect(selectIsOffline(at({ refreshing: 'retrying' }, { session: null }), session.expiresAt + 1)).toBe(false);
  });
});
