import { describe, expect, it, vi } from 'vitest';
import { createAuth, memoryStorage, type AuthConfig } from '../../machines/index.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { TEST_POOL } from '../support/fakeTokens.js';

const base = { userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', wake: null } as const;

describe('createAuth checks every option', () => {
  it.each<[keyof AuthConfig, unknown]>([
    ['storage', 'cookies'],
    ['storage', { getItem: () => null }],
    ['transport', { send: () => undefined }],
    ['clock', Date],
    ['tabs', true],
    ['tabs', { channel: {} }],
    ['apiToken', 'refresh'],
    ['bearer', 'yes'],
    ['fetch', 'https://example.com'],
    ['random', 0.5],
    ['wake', {}],
    ['activity', 'mouse'],
    ['inspect', {}],
    // A bare callback would see tokens: only redactedInspector(…) is taken.
    ['inspect', () => undefined],
    ['apiOrigins', 'https://api.example.com'],
    ['requestTimeoutSeconds', 0],
    ['requestTimeoutSeconds', Number.NaN],
    ['requestTimeoutSeconds', 600],
    ['totpIssuer', ''],
    ['issuer', 'not a url'],
    ['refreshApi', 'sometimes'],
    ['challengeTimeoutSeconds', 30 * 24 * 3600],
    ['authFlow', 'MAGIC'],
    // Managed login takes only the port hostedUi(…) makes, not its options.
    ['oauth', { domain: 'https://example.auth.eu-west-1.amazoncognito.com', redirectUri: 'https://app.example.com/' }],
  ])('%s = %j fails with invalidConfig naming it', (name, value) => {
    const attempt = () => createAuth({ ...base, [name]: value } as AuthConfig);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalidConfig', message: expect.stringContaining(name) }));
  });

  it('resolves the request timeout once: the lock takeover follows it', () => {
    const auth = createAuth({ ...base, requestTimeoutSeconds: 3 });
    const { config } = auth.actor.getSnapshot().context;
    expect(config.requestTimeoutMs).toBe(3_000);
    expect(config.lockTimeoutMs).toBe(11_000);
    auth.stop();
  });

  it('takes storage and transport from a storage tier, and stops it with the auth', async () => {
    const cognito = new FakeCognito();
    const stop = vi.fn();
    const tier = { storage: memoryStorage('tier'), transport: () => cognito, stop };
    const auth = createAuth({ ...base, storage: tier });
    expect(auth.actor.getSnapshot().context.ports.transport).toBe(cognito);
    expect(auth.actor.getSnapshot().context.ports.storage.kind).toBe('tier');
    auth.stop();
    expect(stop).toHaveBeenCalledOnce();
    expect(() => createAuth({ ...base, storage: tier, transport: cognito })).toThrow(expect.objectContaining({ code: 'invalidConfig' }));
  });
});
