import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, serveVault, workerTransport, type Auth } from '../../../machines/index.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL } from '../../support/fakeTokens.js';

const running: { auth: Auth; close(): void }[] = [];
afterEach(() => {
  for (const { auth, close } of running.splice(0)) {
    auth.stop();
    close();
  }
});

/** The page and a vault "worker" joined by a MessageChannel, as a real Worker would be. */
function pageWithVault() {
  let issued = 0;
  const cognito = new FakeCognito().on('InitiateAuth', () => {
    const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: ++issued });
    return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
  });
  cognito.on('RevokeToken', () => ({}));
  const { port1, port2 } = new MessageChannel();
  let ids = 0;
  serveVault(port2 as never, () => cognito, () => `id-${++ids}`);
  port1.start();
  port2.start();
  const auth = createAuth({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: workerTransport(port1 as never, { region: TEST_POOL.region }),
  });
  running.push({ auth, close: () => (port1.close(), port2.close()) });
  return { auth, cognito };
}

describe('the worker tier: refresh tokens stay in the vault', () => {
  it('gives the page a handle, never the refresh token, and refreshes through it', async () => {
    const { auth, cognito } = pageWithVault();
    await auth.signIn({ username: 'demo', password: 'pw' });
    const { session } = auth.actor.getSnapshot().context;
    expect(session!.tokens.refreshToken).toBe('vault:id-1');
    const realRefreshToken = makeTokenSet({ iatSeconds: 0, serial: 1 }).refreshToken;
    expect(JSON.stringify(auth.actor.getSnapshot().context.ports.storage.getItem(storageKey(TEST_POOL.userPoolId, TEST_POOL.clientId)))).not.toContain(
      realRefreshToken,
    );

    auth.actor.send({ type: 'REFRESH' });
    await auth.getTokens();
    const refresh = cognito.callsOf('InitiateAuth')[1]!.input as { AuthParameters: { REFRESH_TOKEN: string } };
    expect(refresh.AuthParameters.REFRESH_TOKEN).toBe(realRefreshToken);
    expect(auth.actor.getSnapshot().context.session!.tokens.refreshToken).toBe('vault:id-1');
  });

  it('revokes the real token at sign-out and forgets it', async () => {
    const { auth, cognito } = pageWithVault();
    await auth.signIn({ username: 'demo', password: 'pw' });
    await auth.signOut();
    const revoke = cognito.callsOf('RevokeToken')[0]!.input as { Token: string };
    expect(revoke.Token).toBe(makeTokenSet({ iatSeconds: 0, serial: 1 }).refreshToken);
    // The handle now means nothing: a refresh with it would send the handle itself.
    const transport = auth.actor.getSnapshot().context.ports.transport;
    await transport.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'vault:id-1' } });
    const after = cognito.callsOf('InitiateAuth').at(-1)!.input as { AuthParameters: { REFRESH_TOKEN: string } };
    expect(after.AuthParameters.REFRESH_TOKEN).toBe('vault:id-1');
  });

  it("refuses storage 'worker' where there are no Web Workers, with a clear error", () => {
    expect(() => createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'worker' })).toThrow(
      /Web Workers/,
    );
  });
});
