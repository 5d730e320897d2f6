import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { revokeSession } from '../../../machines/actors/revokeSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { actorInput, hanging, run, sessionFor } from './actorInput.js';

// What sign-out tells Cognito, and what it reports having managed to (the actor's output, seen by
// an inspector): best effort, never a failure.

function revokeInput(cognito: FakeCognito, global: boolean) {
  const input = actorInput(cognito);
  return { ...input, session: sessionFor(input), global };
}

const refused = () => new AuthError('notAuthorized', 'Access Token has been revoked', { cognitoName: 'NotAuthorizedException', status: 400 });

describe('revokeSession', () => {
  it('ends every session of the user first, then revokes the refresh token, and reports both done', async () => {
    const cognito = new FakeCognito().on('GlobalSignOut', () => ({})).on('RevokeToken', () => ({}));
    const input = revokeInput(cognito, true);
    expect(await run(revokeSession, input)).toEqual({ revoked: true, globalSignOut: true });
    expect(cognito.calls).toEqual([
      { operation: 'GlobalSignOut', input: { AccessToken: input.session.tokens.accessToken } },
      { operation: 'RevokeToken', input: { Token: input.session.tokens.refreshToken, ClientId: TEST_POOL.clientId } },
    ]);
  });

  it('revokes the refresh token alone when global sign-out was not asked for', async () => {
    const cognito = new FakeCognito().on('RevokeToken', () => ({}));
    expect(await run(revokeSession, revokeInput(cognito, false))).toEqual({ revoked: true, globalSignOut: 'notRequested' });
    expect(cognito.calls.map((call) => call.operation)).toEqual(['RevokeToken']);
  });

  it('reports what Cognito refused, without failing the sign-out', async () => {
    const cognito = new FakeCognito()
      .on('GlobalSignOut', () => {
        throw refused();
      })
      .on('RevokeToken', () => {
        throw refused();
      });
    expect(await run(revokeSession, revokeInput(cognito, true))).toEqual({ revoked: false, globalSignOut: false });
  });

  it('tells Cognito nothing without a session, and reports nothing revoked', async () => {
    const cognito = new FakeCognito();
    const input = actorInput(cognito);
    expect(await run(revokeSession, { ...input, session: null, global: true })).toEqual({ revoked: false, globalSignOut: false });
    expect(await run(revokeSession, { ...input, session: null, global: false })).toEqual({ revoked: false, globalSignOut: 'notRequested' });
    expect(cognito.calls).toEqual([]);
  });

  it('aborts the global sign-out in flight when stopped', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('GlobalSignOut', handler);
    const actor = createActor(revokeSession, { input: revokeInput(cognito, true) }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });

  it('aborts the revocation in flight when stopped', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('RevokeToken', handler);
    const actor = createActor(revokeSession, { input: revokeInput(cognito, false) }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });
});
