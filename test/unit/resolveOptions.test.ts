import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuth, memoryStorage, type AuthConfig } from '../../machines/index.js';
import { resolveOptions } from '../../machines/resolveOptions.js';
import { noRefreshLock } from '../../machines/tabs/RefreshLock.js';
import { FakeCognito } from '../support/FakeCognito.js';
import { TEST_POOL } from '../support/fakeTokens.js';

// What createAuth's options resolve to, and how a wrong one is said: the message names the option
// and what it must be, so the developer can fix it from the message alone. (The pool's settings,
// ranges and units are resolveConfig's: see resolveConfig.test.ts.)

const base = { userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId } as const;
const tabs = { channel: { post: () => undefined, subscribe: () => () => undefined }, lock: noRefreshLock };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolveOptions says what an option must be', () => {
  it.each<[Partial<Record<keyof AuthConfig, unknown>>, string]>([
    [{ storage: 'cookies' }, "storage must be 'local', 'session', 'memory', a TokenStorage or a StorageTier (workerTier())."],
    [{ storage: { getItem: () => null } }, "storage must be 'local', 'session', 'memory', a TokenStorage or a StorageTier (workerTier())."],
    [{ transport: { send: () => undefined } }, 'transport must be a CognitoTransport.'],
    [{ transport: null }, 'transport must be a CognitoTransport.'],
    [{ clock: Date }, 'clock must be an object with now().'],
    [{ tabs: true }, 'tabs must be false or { channel, lock }.'],
    [{ tabs: { channel: tabs.channel, lock: {} } }, 'tabs must be false or { channel, lock }.'],
    [{ tabs: { channel: {}, lock: noRefreshLock } }, 'tabs must be false or { channel, lock }.'],
    [{ apiToken: 'refresh' }, "apiToken must be 'id' or 'access'."],
    [{ bearer: 'yes' }, 'bearer must be true or false.'],
    [{ fetch: 'https://example.com' }, 'fetch must be a function.'],
    [{ random: 0.5 }, 'random must be a function.'],
    [{ wake: {} }, 'wake must be null or a SignalSource.'],
    [{ activity: 'mouse' }, 'activity must be null or a SignalSource.'],
    [{ apiOrigins: 'https://api.example.com' }, 'apiOrigins must be a list of origins.'],
    // Managed login takes only the port hostedUi(…) makes, not its options.
    [{ oauth: { domain: 'https://example.auth.eu-west-1.amazoncognito.com', redirectUri: 'https://app.example.com/' } }, "oauth must be made by hostedUi(…) from 'authchart/oauth'."],
    // A bare callback would see tokens: only redactedInspector(…) is taken.
    [{ inspect: () => undefined }, "inspect must be made by redactedInspector(…) from 'authchart/inspect', which keeps tokens out of the inspector."],
    [{ inspect: {} }, "inspect must be made by redactedInspector(…) from 'authchart/inspect', which keeps tokens out of the inspector."],
  ])('%o', (options, message) => {
    expect(() => resolveOptions({ ...base, ...options } as AuthConfig)).toThrow(expect.objectContaining({ code: 'invalidConfig', message }));
  });
});

describe('a storage tier', () => {
  it('brings its storage and transport, and stops with the auth', () => {
    const cognito = new FakeCognito();
    const stop = vi.fn();
    const tier = { storage: memoryStorage('tier'), transport: () => cognito, stop };
    const auth = createAuth({ ...base, storage: tier, wake: null });
    expect(auth.actor.getSnapshot().context.ports.transport).toBe(cognito);
    expect(auth.actor.getSnapshot().context.ports.storage.kind).toBe('tier');
    auth.stop();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('makes its own Cognito calls: a transport given too is refused, saying why', () => {
    const tier = { storage: memoryStorage(), transport: () => new FakeCognito(), stop: () => undefined };
    expect(() => resolveOptions({ ...base, storage: tier, transport: new FakeCognito() } as never)).toThrow(
      expect.objectContaining({ code: 'invalidConfig', message: 'This storage tier makes its own Cognito calls: leave transport unset.' }),
    );
  });
});

describe('resolveOptions defaults', () => {
  it("storage is 'local', shared with the other tabs, the ID token sent raw", () => {
    const options = resolveOptions({ ...base });
    expect(options).toMatchObject({ storage: 'local', tabs: 'shared', apiToken: 'id', bearer: false, oauth: null, choice: null, passkeys: null, devices: null });
  });

  it("tabs share nothing unless the session is in 'local' storage; given tabs are kept", () => {
    expect(resolveOptions({ ...base, storage: 'session' }).tabs).toBe(false);
    expect(resolveOptions({ ...base, storage: 'memory' }).tabs).toBe(false);
    expect(resolveOptions({ ...base, storage: 'memory', tabs }).tabs).toBe(tabs);
    expect(resolveOptions({ ...base, storage: 'local', tabs: false }).tabs).toBe(false);
  });

  it("apiToken 'id' and 'access' are both taken", () => {
    expect(resolveOptions({ ...base, apiToken: 'id' }).apiToken).toBe('id');
    expect(resolveOptions({ ...base, apiToken: 'access' }).apiToken).toBe('access');
  });

  it('the default fetch is the global one at call time (a polyfill installed later is used)', async () => {
    const options = resolveOptions({ ...base });
    const fetch = vi.fn(async () => new Response('ok'));
    vi.stubGlobal('fetch', fetch);
    const response = await options.fetch('https://api.example.com/x', { method: 'POST' });
    expect(await response.text()).toBe('ok');
    expect(fetch).toHaveBeenCalledWith('https://api.example.com/x', { method: 'POST' });
  });
});
