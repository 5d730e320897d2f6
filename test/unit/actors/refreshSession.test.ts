import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { refreshSession } from '../../../machines/actors/refreshSession.js';
import { readRefreshApi, rememberRefreshApi, type RefreshOperationChoice } from '../../../machines/cognito/rememberedRefreshApi.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import type { DevicePort } from '../../../machines/devices/DevicePort.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import { makeTokenSet } from '../../support/fakeTokens.js';
import { NOW, actorInput, run, sessionFor, tokenAnswer } from './actorInput.js';

// refreshApi `auto` with a scripted Cognito: which operation a failure leads to next, what is
// remembered for the next refresh, and what is reported. The same rules over HTTP, against a
// loopback Cognito: test/unit/cognito/refreshFallback.test.ts.

const refused = () => new AuthError('refreshRejected', 'Refresh Token has been revoked', { cognitoName: 'NotAuthorizedException', status: 400 });
const offline = () => new AuthError('network', 'The request got no answer.');
const missing = () => new AuthError('unsupportedOperation', 'Unsupported', { status: 500 });

/** The actor's input over `cognito`, with `remembered` as the operation that worked last time. */
function refreshInput(cognito: FakeCognito, remembered: RefreshOperationChoice | null = null) {
  const input = actorInput(cognito);
  rememberRefreshApi(input.ports.storage, input.config.storageKey, remembered);
  return { ...input, session: sessionFor(input), refreshApi: 'auto' as const };
}

const operations = (cognito: FakeCognito) => cognito.calls.map((call) => call.operation);

describe('refreshSession with refreshApi auto', () => {
  it('ends on a refused token when the remembered GetTokensFromRefreshToken refuses it, and forgets the choice', async () => {
    const cognito = new FakeCognito().on('GetTokensFromRefreshToken', () => {
      throw refused();
    });
    const input = refreshInput(cognito, 'getTokensFromRefreshToken');
    await expect(run(refreshSession, input)).rejects.toMatchObject({ code: 'refreshRejected' });
    expect(operations(cognito)).toEqual(['GetTokensFromRefreshToken']);
    expect(readRefreshApi(input.ports.storage, input.config.storageKey)).toBeNull();
  });

  it('reports tokens that fail their checks after a remembered InitiateAuth, asking nothing else', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokenAnswer({ clientId: 'another-app-client' }));
    await expect(run(refreshSession, refreshInput(cognito, 'initiateAuth'))).rejects.toMatchObject({ code: 'invalidToken' });
    expect(operations(cognito)).toEqual(['InitiateAuth']);
  });

  it('falls back to GetTokensFromRefreshToken when a remembered InitiateAuth gets no answer', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => {
        throw offline();
      })
      .on('GetTokensFromRefreshToken', () => tokenAnswer({ serial: 1 }));
    const output = await run(refreshSession, refreshInput(cognito, 'initiateAuth'));
    expect(operations(cognito)).toEqual(['InitiateAuth', 'GetTokensFromRefreshToken']);
    expect(output.refreshApi).toBe('getTokensFromRefreshToken');
  });

  it('remembers InitiateAuth when the endpoint lacks GetTokensFromRefreshToken', async () => {
    const cognito = new FakeCognito()
      .on('GetTokensFromRefreshToken', () => {
        throw missing();
      })
      .on('InitiateAuth', () => tokenAnswer({ serial: 1 }));
    const input = refreshInput(cognito);
    const output = await run(refreshSession, input);
    expect(output.refreshApi).toBe('initiateAuth');
    expect(readRefreshApi(input.ports.storage, input.config.storageKey)).toBe('initiateAuth');
  });

  it('remembers nothing when InitiateAuth answered only because GetTokensFromRefreshToken got no answer', async () => {
    const cognito = new FakeCognito()
      .on('GetTokensFromRefreshToken', () => {
        throw offline();
      })
      .on('InitiateAuth', () => tokenAnswer({ serial: 1 }));
    const input = refreshInput(cognito);
    expect((await run(refreshSession, input)).refreshApi).toBe('initiateAuth');
    expect(readRefreshApi(input.ports.storage, input.config.storageKey)).toBeNull();
  });

  it('asks no fallback once stopped (sign-out during the refresh), though the aborted call failed', async () => {
    let called: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (called = resolve));
    let failed: () => void = () => {};
    const failure = new Promise<void>((resolve) => (failed = resolve));
    const cognito = new FakeCognito()
      .on('GetTokensFromRefreshToken', (_input, signal) => {
        called();
        // As a transport does: the aborted request fails like one that got no answer.
        return new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => {
            reject(offline());
            failed();
          }),
        );
      })
      .on('InitiateAuth', () => tokenAnswer({ serial: 1 }));
    const actor = createActor(refreshSession, { input: refreshInput(cognito) }).start();
    await inFlight;
    actor.stop();
    await failure;
    // Let the refresh see the failure and decide.
    await new Promise((resolve) => setImmediate(resolve));
    expect(operations(cognito)).toEqual(['GetTokensFromRefreshToken']);
  });
});

describe('refreshSession', () => {
  it('fails as unsupportedChallenge, saying so, when the pool asks for a challenge instead of tokens', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'SOFTWARE_TOKEN_MFA' as const,
      Session: 'session',
      ChallengeParameters: {},
    }));
    const refreshing = run(refreshSession, { ...refreshInput(cognito), refreshApi: 'initiateAuth' });
    await expect(refreshing).rejects.toMatchObject({ code: 'unsupportedChallenge', message: expect.stringContaining('challenge') });
  });
});

describe('refreshSession with a device whose confirmation failed at sign-in', () => {
  it('confirms that device, for the session signed in on it, before it refreshes', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokenAnswer({ serial: 1, deviceKey: 'us-east-1_dev' }));
    const input = actorInput(cognito);
    const session = createSession(makeTokenSet({ iatSeconds: NOW / 1000, deviceKey: 'us-east-1_dev' }), input.config, NOW);
    const newDevice = { deviceKey: 'us-east-1_dev', deviceGroupKey: 'group' };
    const confirmed: unknown[] = [];
    const devices = { confirm: async (request: unknown) => void confirmed.push(request) } as unknown as DevicePort;
    await run(refreshSession, { ...input, ports: { ...input.ports, devices }, session, refreshApi: 'initiateAuth', unconfirmedDevice: newDevice });
    expect(confirmed).toEqual([expect.objectContaining({ session, newDevice, config: input.config })]);
    expect(operations(cognito)).toEqual(['InitiateAuth']);
  });
});
