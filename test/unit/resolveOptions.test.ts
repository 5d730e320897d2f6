import { describe, expect, it } from 'vitest';
import { createAuth, type AuthConfig } from '../../machines/index.js';
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
    ['apiOrigins', 'https://api.example.com'],
    ['requestTimeoutSeconds', 0],
    ['requestTimeoutSeconds', Number.NaN],
    ['requestTimeoutSeconds', 600],
    ['totpIssuer', ''],
    ['issuer', 'not a url'],
    ['refreshApi', 'sometimes'],
  ])('%s = %j fails with invalidConfig naming it', (name, value) => {
    const attempt = () => createAuth({ ...base, [name]: value } as AuthConfig);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalidConfig', message: expect.stringContaining(name) }));
  });

  it('resolves the request timeout once: the lock takeover follows it', () => {
    const auth = createAuth({ ...base, requestTimeoutSeconds: 3 });
    const { config } = auth.actor.getSnapshot().context;
    expect(config.requestTimeoutMs).toBe(3_000);
    expect(config.lockTimeoutMs).toBe(8_000);
    auth.stop();
  });
});
