import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, createAuth, type Auth, type AuthConfig } from '../../../machines/index.js';
import { browserPasskeys, createPasskeys, type PasskeyCredentials } from '../../../machines/passkeys/index.js';
import { choiceBasedSignIn } from '../../../machines/choice/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { SoftAuthenticator } from '../../support/passkeys/softAuthenticator.js';
import { userAuthCognito } from '../../support/passkeys/userAuthCognito.js';

// authchart/passkeys end to end in Node: browserPasskeys over a software authenticator (real
// ES256 credentials) against the USER_AUTH pool of dev/userAuthPool.js, which checks each
// ceremony with @simplewebauthn/server. Chromium's own WebAuthn: test/e2e/passkeys.e2e.test.ts.

const ORIGIN = 'http://localhost:5173';
const USER = { username: 'demo', sub: '7c9e6679-7425-40de-944b-e07fc1f90ae7', email: 'demo@example.com', password: 'Demo-passw0rd!' };

let auth: Auth | undefined;
afterEach(() => {
  auth?.stop();
  auth = undefined;
});

async function world(config: Partial<AuthConfig> = {}) {
  const pool = await userAuthCognito({ users: [USER], origins: [ORIGIN] });
  const device = new SoftAuthenticator({ origin: ORIGIN });
  auth = createAuth({
    userPoolId: TEST_POOL.userPoolId,
    clientId: TEST_POOL.clientId,
    storage: 'memory',
    wake: null,
    authFlow: 'USER_AUTH',
    choice: choiceBasedSignIn(),
    transport: pool.transport,
    passkeys: browserPasskeys(device),
    ...config,
  });
  return { pool, device, auth };
}

async function signInWithPassword(signingIn: Auth) {
  expect(await signingIn.signIn({ username: USER.username, preferredChallenge: 'PASSWORD', password: USER.password })).toBe('signedIn');
}

describe('authchart/passkeys', () => {
  it('registers a passkey, lists it, and signs in with it after signing out', async () => {
    const { auth: signingIn, device, pool } = await world();
    await signInWithPassword(signingIn);
    const passkeys = createPasskeys(signingIn);
    expect(await passkeys.list()).toEqual([]);
    const before = Date.now();
    await passkeys.register();
    const [registered] = await passkeys.list();
    expect(registered).toMatchObject({ id: device.credentialIds()[0], relyingPartyId: 'localhost', attachment: 'platform' });
    // CreatedAt comes as seconds on the wire: milliseconds here.
    expect(registered!.createdAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(registered!.createdAt).toBeLessThanOrEqual(Date.now());

    await signingIn.signOut();
    expect(await signingIn.signIn({ username: USER.username, preferredChallenge: 'WEB_AUTHN' })).toBe('signedIn');
    expect(pool.transport.callsOf('RespondToAuthChallenge').at(-1)!.input).toMatchObject({ ChallengeName: 'WEB_AUTHN' });
  });

  it('removes a passkey; the pool then no longer offers passkeys, and a second removal is not an error', async () => {
    const { auth: signingIn } = await world();
    await signInWithPassword(signingIn);
    const passkeys = createPasskeys(signingIn);
    await passkeys.register();
    const [registered] = await passkeys.list();
    await passkeys.remove(registered!.id);
    await passkeys.remove(registered!.id);
    expect(await passkeys.list()).toEqual([]);
    await signingIn.signOut();
    expect(await signingIn.signIn({ username: USER.username })).toBe('selectChallenge');
    expect(signingIn.actor.getSnapshot().context.challenge?.firstFactor?.choices).not.toContain('WEB_AUTHN');
  });

  it("says passkeyRefused for a passkey removed from the account but still on the device, and offers the other ways in", async () => {
    const pool = await userAuthCognito({ users: [USER], origins: [ORIGIN] });
    const laptop = new SoftAuthenticator({ origin: ORIGIN });
    const phone = new SoftAuthenticator({ origin: ORIGIN });
    // The pool lists the account's passkeys in allowCredentials, so a browser would not offer a
    // removed one; a discoverable sign-in (no list) lets the device pick its own, as here.
    const discoverable: PasskeyCredentials = {
      create: (options) => laptop.create(options!),
      get: (options) => laptop.get({ ...options, publicKey: { ...options!.publicKey!, allowCredentials: [] } }),
    };
    const on = (credentials: PasskeyCredentials) =>
      createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', wake: null, authFlow: 'USER_AUTH', choice: choiceBasedSignIn(), transport: pool.transport, passkeys: browserPasskeys(credentials) });
    const [onLaptop, onPhone] = [on(discoverable), on(phone)];
    try {
      for (const signedIn of [onLaptop, onPhone]) {
        await signInWithPassword(signedIn);
        await createPasskeys(signedIn).register();
      }
      await createPasskeys(onPhone).remove(laptop.credentialIds()[0]!);
      await onLaptop.signOut();
      // The pool still offers passkeys (the phone's), so the laptop's own is sent, and refused.
      await expect(onLaptop.signIn({ username: USER.username, preferredChallenge: 'WEB_AUTHN' })).rejects.toMatchObject({ code: 'passkeyRefused' });
      expect(onLaptop.actor.getSnapshot().value).toEqual({ authenticating: 'selectingChallenge' });
      expect(pool.transport.callsOf('RespondToAuthChallenge').at(-1)!.input).toMatchObject({ ChallengeName: 'WEB_AUTHN' });
    } finally {
      onLaptop.stop();
      onPhone.stop();
    }
  });

  it.each([
    ['NotAllowedError', 'passkeyCancelled'],
    ['InvalidStateError', 'passkeyUnavailable'],
    ['SecurityError', 'invalidConfig'],
  ] as const)("turns the browser's %s at registration into %s, and registers nothing", async (name, code) => {
    const { auth: signingIn, device } = await world();
    await signInWithPassword(signingIn);
    const passkeys = createPasskeys(signingIn);
    device.refuseNext(name);
    await expect(passkeys.register()).rejects.toMatchObject({ code });
    expect(await passkeys.list()).toEqual([]);
  });

  it('passes an abort on as it is: the app stopped waiting, the user did not refuse', async () => {
    const { auth: signingIn, device } = await world();
    await signInWithPassword(signingIn);
    device.refuseNext('AbortError');
    const refused = createPasskeys(signingIn).register();
    await expect(refused).rejects.toMatchObject({ name: 'AbortError' });
    await expect(refused).rejects.not.toBeInstanceOf(AuthError);
  });

  it('needs a session and a passkey port', async () => {
    const { auth: signedOut } = await world();
    await expect(createPasskeys(signedOut).list()).rejects.toMatchObject({ code: 'notSignedIn' });
    auth?.stop();
    const { auth: withoutPort } = await world({ passkeys: null });
    await signInWithPassword(withoutPort);
    await expect(createPasskeys(withoutPort).register()).rejects.toMatchObject({ code: 'passkeyUnavailable' });
  });

  it('is null where the browser has no WebAuthn', () => {
    expect(globalThis.PublicKeyCredential).toBeUndefined();
    expect(browserPasskeys()).toBeNull();
  });
});

describe('createPasskeys against a scripted pool', () => {
  it('reads every page of the list, and a Date from the SDK transport as well as seconds', async () => {
    const { auth: signingIn } = await world();
    await signInWithPassword(signingIn);
    const pages = new FakeCognito().on('ListWebAuthnCredentials', (input) =>
      input.NextToken === undefined
        ? { Credentials: [{ CredentialId: 'a', FriendlyCredentialName: 'Laptop', CreatedAt: 1_700_000_000 }], NextToken: 'next' }
        : { Credentials: [{ CredentialId: 'b', CreatedAt: new Date(1_700_000_500_000), AuthenticatorTransports: ['usb'] }] },
    );
    // The same auth (its tokens), its requests going to the scripted pool.
    const scripted = { ...signingIn, actor: { getSnapshot: () => ({ context: { ports: { transport: pages, passkeys: null } } }) } } as unknown as Auth;
    expect(await createPasskeys(scripted).list()).toEqual([
      { id: 'a', name: 'Laptop', relyingPartyId: '', attachment: null, transports: [], createdAt: 1_700_000_000_000 },
      { id: 'b', name: '', relyingPartyId: '', attachment: null, transports: ['usb'], createdAt: 1_700_000_500_000 },
    ]);
    expect(pages.callsOf('ListWebAuthnCredentials').map((call) => call.input)).toEqual([
      { AccessToken: expect.any(String) },
      { AccessToken: expect.any(String), NextToken: 'next' },
    ]);
  });
});
