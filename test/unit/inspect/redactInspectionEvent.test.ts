import { createInspector } from '@statelyai/inspect';
import type { InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createAuth } from '../../../machines/index.js';
import { redactedInspector, redactValue } from '../../../machines/inspect/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const PASSWORD = 'correct horse battery staple';

/** Signs in, refreshes and signs out with an inspector; returns the secrets that passed by. */
async function inspectedSession(inspect: (event: InspectionEvent) => void): Promise<string[]> {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000) });
  const refreshed = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: 1 });
  let calls = 0;
  const cognito = new FakeCognito()
    .on('InitiateAuth', () => {
      const set = calls++ === 0 ? tokens : refreshed;
      return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
    })
    .on('RevokeToken', () => ({}));
  const auth = createAuth({ authFlow: 'USER_PASSWORD_AUTH', userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', transport: cognito, inspect: redactedInspector(inspect) });
  await auth.signIn({ username: 'demo', password: PASSWORD });
  auth.actor.send({ type: 'REFRESH' });
  await auth.getTokens();
  await auth.signOut();
  auth.stop();
  return [PASSWORD, ...Object.values(tokens), ...Object.values(refreshed)];
}

describe('inspection events from createAuth', () => {
  it('never carry a token or the password', async () => {
    const seen: InspectionEvent[] = [];
    const secrets = await inspectedSession((event) => seen.push(event));
    const shown = JSON.stringify(
      seen.map((event) => ({
        snapshot: 'snapshot' in event ? event.snapshot : undefined,
        event: 'event' in event ? event.event : undefined,
        action: event.type === '@xstate.action' ? event.action : undefined,
      })),
    );
    expect(seen.length).toBeGreaterThan(10);
    expect(shown).toContain('signedIn');
    // An event sent from outside any actor has no source, and is passed on without one.
    const fromOutside = seen.find((event) => event.type === '@xstate.event' && event.event.type === 'REFRESH');
    expect(fromOutside).toMatchObject({ type: '@xstate.event', sourceRef: undefined });
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});

describe('the actor references inspection events carry', () => {
  it('give redacted snapshots, also of request actors read after the event (their input and output)', async () => {
    const seen: InspectionEvent[] = [];
    const secrets = await inspectedSession((event) => seen.push(event));
    const actorEvents = seen.filter((event) => event.type === '@xstate.actor');
    expect(actorEvents.map((event) => (event.actorRef as { id?: string }).id)).toContain('startSignIn');
    const shown = JSON.stringify(
      seen.map((event) => ({
        actor: event.actorRef.getSnapshot(),
        source: event.type === '@xstate.event' ? event.sourceRef?.getSnapshot() : undefined,
      })),
    );
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it('give redacted snapshots to subscribers, in persisted snapshots, children and parents', async () => {
    const shown: unknown[] = [];
    const refs = new Map<unknown, Set<unknown>>();
    const secrets = await inspectedSession((event) => {
      const actor = event.actorRef as unknown as {
        sessionId: string;
        subscribe(next: (snapshot: unknown) => void): unknown;
        getPersistedSnapshot(): unknown;
        getSnapshot(): { children?: Record<string, { getSnapshot(): unknown }> };
        _parent?: { getSnapshot(): unknown };
      };
      if (!refs.has(actor.sessionId)) refs.set(actor.sessionId, new Set());
      refs.get(actor.sessionId)!.add(actor);
      if (event.type === '@xstate.actor') actor.subscribe((snapshot) => shown.push(snapshot));
      // Once the actor has a snapshot of its own (at @xstate.actor it is still being created).
      if (event.type !== '@xstate.snapshot') return;
      shown.push(actor.getPersistedSnapshot(), actor._parent?.getSnapshot());
      for (const child of Object.values(actor.getSnapshot().children ?? {})) shown.push(child.getSnapshot());
    });
    const json = JSON.stringify(shown);
    expect(json).toContain('startSignIn');
    for (const secret of secrets) expect(json).not.toContain(secret);
    // One stand-in per actor: inspectors that key actors by reference see each actor once.
    for (const seen of refs.values()) expect(seen.size).toBe(1);
  });

  it("keep secrets from @statelyai/inspect's own pipeline (what the browser inspector posts)", async () => {
    const posted: string[] = [];
    const inspector = createInspector({ start() {}, stop() {}, send: (event: unknown) => posted.push(JSON.stringify(event)) });
    const secrets = await inspectedSession((event) => inspector.inspect.next?.(event));
    // The inspector converts events in an idle callback (a timeout outside browsers).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(posted.some((line) => line.includes('startSignIn'))).toBe(true);
    for (const secret of secrets) expect(posted.join('\n')).not.toContain(secret);
  });
});

describe('redactValue', () => {
  it('replaces secrets by key and by shape, drops functions and cuts cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(
      redactValue({ password: 'p', nested: { note: `token ${jwt}` }, fn: () => 1, cyclic, list: [jwt] }),
    ).toEqual({
      password: '[redacted]',
      nested: { note: 'token [redacted token]' },
      fn: undefined,
      cyclic: { name: 'x', self: '[…]' },
      list: ['[redacted token]'],
    });
  });

  it("hides a managed-login answer's code and the PKCE verifier, not an error's code", () => {
    expect(
      redactValue({
        type: 'REDIRECT_RETURNED',
        response: { kind: 'code', code: 'authorization-code', state: 's' },
        pending: { verifier: 'v', nonce: 'n' },
        error: { code: 'redirectFailed' },
      }),
    ).toEqual({
      type: 'REDIRECT_RETURNED',
      response: { kind: 'code', code: '[redacted]', state: 's' },
      pending: { verifier: '[redacted]', nonce: 'n' },
      error: { code: 'redirectFailed' },
    });
  });
});
