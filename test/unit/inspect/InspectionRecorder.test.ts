import ELK from 'elkjs/lib/elk.bundled.js';
import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { authMachine } from '../../../machines/authMachine.js';
import { allStateNodes } from './allStateNodes.js';
import { createAuth } from '../../../machines/index.js';
import { InspectionRecorder, layoutChart, transitionKey } from '../../../machines/inspect/chart/index.js';
import { redactedInspector } from '../../../machines/inspect/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const PASSWORD = 'correct horse battery staple';

/** Signs in, refreshes and signs out, recorded; returns the recorder and the secrets that passed by. */
async function recordedSession(limit?: number) {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  const refreshed = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: 1 });
  let calls = 0;
  const cognito = new FakeCognito()
    .on('InitiateAuth', () => {
      const set = calls++ === 0 ? tokens : refreshed;
      return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
    })
    .on('RevokeToken', () => ({}));
  let time = 0;
  const recorder = new InspectionRecorder({ now: () => ++time, ...(limit ? { limit } : {}) });
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, inspect: redactedInspector(recorder.inspect) });
  await auth.signIn({ username: 'demo', password: PASSWORD });
  auth.actor.send({ type: 'REFRESH' });
  await auth.getTokens();
  await auth.signOut();
  auth.stop();
  return { recorder, secrets: [PASSWORD, ...Object.values(tokens), ...Object.values(refreshed)] };
}

describe('InspectionRecorder', () => {
  it("logs the root actor's events, newest first, with the transitions taken and the snapshot reached", async () => {
    const { recorder } = await recordedSession();
    const entries = [...recorder.entries].reverse();
    expect(entries[0]).toMatchObject({ id: 1, event: { type: 'xstate.init' }, snapshot: { value: 'restoring', status: 'active' } });
    expect(entries.map((entry) => entry.event.type)).toEqual(expect.arrayContaining(['SIGN_IN', 'REFRESH', 'SIGN_OUT', 'xstate.done.actor.refreshSession']));
    const refresh = entries.find((entry) => entry.event.type === 'REFRESH')!;
    expect(refresh.transitions[0]).toBe('auth.signedIn.idle|REFRESH|0');
    expect(refresh.snapshot.value).toEqual({ refreshing: { locked: 'waitingForLock' } });
    expect(entries.at(-1)!.snapshot.value).toEqual({ signedOut: 'idle' });
    // Ids and times count up; child actors (the requests) add no entries of their own.
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((_, index) => index + 1));
    expect(entries.every((entry, index) => index === 0 || entry.at > entries[index - 1]!.at)).toBe(true);
  });

  it('keeps nothing secret: the password and every token are redacted before it sees them', async () => {
    const { recorder, secrets } = await recordedSession();
    const kept = JSON.stringify(recorder.entries);
    for (const secret of secrets) expect(kept).not.toContain(secret);
    expect(kept).not.toMatch(/eyJ[\w-]*\./);
    expect(recorder.entries.find((entry) => entry.event.type === 'SIGN_IN')!.event).toEqual({ type: 'SIGN_IN', username: 'demo', password: '[redacted]' });
  });

  it('names every transition it saw as the chart does, so the view can highlight the edge', async () => {
    const { recorder } = await recordedSession();
    const layout = await layoutChart(authMachine, new ELK());
    const drawn = new Set(layout.edges.flatMap((edge) => edge.lines.map((line) => line.transition)));
    // Transitions without a target (actions only) change no state and are not drawn.
    const targetless = new Set(
      allStateNodes(authMachine).flatMap((node: AnyStateNode) =>
        [...node.transitions.values()].flat().filter((transition) => !transition.target?.length).map(transitionKey),
      ),
    );
    const taken = recorder.entries.flatMap((entry) => entry.transitions).filter((key) => !targetless.has(key));
    expect(taken.length).toBeGreaterThan(5);
    for (const key of taken) expect(drawn, key).toContain(key);
  });

  it('keeps the newest entries up to its limit, and tells subscribers of each', async () => {
    const recorder = new InspectionRecorder({ now: () => 0, limit: 3 });
    let told = 0;
    const stop = recorder.subscribe(() => told++);
    const { recorder: full } = await recordedSession();
    // Replaying a run's snapshots through a small recorder: only the last three stay.
    for (const entry of [...full.entries].reverse()) {
      recorder.inspect({ type: '@xstate.snapshot', rootId: 'x', actorRef: { sessionId: 'x' }, event: entry.event, snapshot: entry.snapshot } as never);
    }
    expect(told).toBe(full.entries.length);
    expect(recorder.entries.map((entry) => entry.event)).toEqual(full.entries.slice(0, 3).map((entry) => entry.event));
    // Told of none after stopping.
    stop();
    recorder.inspect({ type: '@xstate.snapshot', rootId: 'x', actorRef: { sessionId: 'x' }, event: full.entries[0]!.event, snapshot: full.entries[0]!.snapshot } as never);
    expect(told).toBe(full.entries.length);
  });
});
