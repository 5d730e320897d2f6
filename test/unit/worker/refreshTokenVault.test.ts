import { waitFor } from 'xstate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuth, type Auth } from '../../../machines/index.js';
import { serveVault } from '../../../machines/worker/serveVault.js';
import { workerTransport } from '../../../machines/worker/workerTransport.js';
import { vaultClient } from '../../../machines/worker/vaultClient.js';
import { mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';
import { storageKey } from '../../../machines/storage/storedSession.js';
import { createRefreshTokenVault } from '../../../machines/worker/refreshTokenVault.js';
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
    authFlow: 'USER_PASSWORD_AUTH',
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    transport: workerTransport(vaultClient(port1 as never), { region: TEST_POOL.region }),
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

  it('stops a refresh in the worker when the page gives up on it (sign-out during the refresh)', async () => {
    const { auth, cognito } = pageWithVault();
    await auth.signIn({ username: 'demo', password: 'pw' });
    let refreshAborted: () => void = () => {};
    const aborted = new Promise<void>((resolve) => (refreshAborted = resolve));
    cognito.on('InitiateAuth', (_input, signal) => {
      signal?.addEventListener('abort', () => refreshAborted());
      return new Promise(() => {});
    });
    auth.actor.send({ type: 'REFRESH' });
    await vi.waitFor(() => expect(cognito.callsOf('InitiateAuth')).toHaveLength(2));
    await auth.signOut();
    await aborted;
    expect(auth.actor.getSnapshot().matches('signedOut')).toBe(true);
  });

  it('files no rotated token from a refresh answered after its handle was revoked', async () => {
    const vaultCognito = new FakeCognito();
    const vault = createRefreshTokenVault(vaultCognito, () => 'id-1');
    vaultCognito.on('InitiateAuth', () => ({ AuthenticationResult: { IdToken: 'i', AccessToken: 'a', RefreshToken: 'real-1' } }));
    await vault.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: {} });
    let answer: (output: object) => void = () => {};
    vaultCognito.on('InitiateAuth', () => new Promise((resolve) => (answer = resolve)));
    vaultCognito.on('RevokeToken', () => ({}));
    const refresh = vault.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'vault:id-1' } });
    await vault.call('RevokeToken', { ClientId: 'c', Token: 'vault:id-1' });
    answer({ AuthenticationResult: { IdToken: 'i2', AccessToken: 'a2', RefreshToken: 'real-2' } });
    expect((await refresh).AuthenticationResult?.RefreshToken).toBe('vault:id-1');
    // The handle stands for nothing now: using it sends the handle itself, not real-2.
    vaultCognito.on('InitiateAuth', () => ({}));
    await vault.call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'vault:id-1' } });
    expect(vaultCognito.callsOf('InitiateAuth').at(-1)!.input).toMatchObject({ AuthParameters: { REFRESH_TOKEN: 'vault:id-1' } });
  });

  it('ends the session when Cognito refuses the refresh for good, as without the worker', async () => {
    const { auth, cognito } = pageWithVault();
    await auth.signIn({ username: 'demo', password: 'pw' });
    cognito.on('InitiateAuth', () => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name: 'ResourceNotFoundException', message: 'gone', status: 400 });
    });
    auth.actor.send({ type: 'REFRESH' });
    const snapshot = await waitFor(auth.actor, (s) => !s.hasTag('busy'));
    expect(snapshot.value).toBe('expired');
    expect(snapshot.context.error).toMatchObject({ code: 'invalidConfig', cognitoName: 'ResourceNotFoundException' });
  });
});
