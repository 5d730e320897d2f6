import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../machines/AuthError.js';
import { browserPasskeys, type PasskeyCredentials } from '../../../machines/passkeys/index.js';
import { SoftAuthenticator } from '../../support/passkeys/softAuthenticator.js';

// browserPasskeys on its own: which pages get a port, and how the browser's answers and refusals
// become the port's. End to end against a pool: passkeys.test.ts.

const ORIGIN = 'http://localhost:5173';
const REQUEST_OPTIONS = JSON.stringify({ challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' });
const CREATION_OPTIONS = {
  rp: { id: 'localhost', name: 'authchart' },
  user: { id: 'dXNlci0x', name: 'demo', displayName: 'Demo' },
  challenge: 'Y2hhbGxlbmdl',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A `navigator.credentials` whose get() and create() both answer `answer()`. */
function credentialsThat(answer: () => Promise<Credential | null>): PasskeyCredentials {
  return { get: answer, create: answer };
}

describe('browserPasskeys: where there is WebAuthn', () => {
  it("uses the page's navigator.credentials where the browser has PublicKeyCredential", async () => {
    const device = new SoftAuthenticator({ origin: ORIGIN });
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    vi.stubGlobal('navigator', { credentials: device });
    const passkeys = browserPasskeys();
    expect(passkeys).not.toBeNull();
    await passkeys!.register(CREATION_OPTIONS, new AbortController().signal);
    expect(device.credentialIds()).toHaveLength(1);
  });

  it('is null where navigator.credentials exists without WebAuthn (Credential Management only)', () => {
    vi.stubGlobal('navigator', { credentials: new SoftAuthenticator({ origin: ORIGIN }) });
    expect(browserPasskeys()).toBeNull();
  });

  it('is null where PublicKeyCredential exists but there is no navigator (a worker)', () => {
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    vi.stubGlobal('navigator', undefined);
    expect(browserPasskeys()).toBeNull();
  });
});

describe("browserPasskeys: the browser's answers", () => {
  it('refuses request options that are not JSON as invalidResponse, without prompting', async () => {
    const prompt = vi.fn(async () => null);
    const passkeys = browserPasskeys(credentialsThat(prompt))!;
    const refused = passkeys.authenticate('{not json', new AbortController().signal);
    await expect(refused).rejects.toBeInstanceOf(AuthError);
    await expect(refused).rejects.toMatchObject({ code: 'invalidResponse', message: expect.stringMatching(/not JSON/) });
    expect(prompt).not.toHaveBeenCalled();
  });

  it.each([
    ['no credential', null],
    ['a credential that is not a passkey', { id: 'demo', type: 'password' } as Credential],
  ])('calls %s a passkey not used (passkeyCancelled)', async (_case, answer) => {
    const passkeys = browserPasskeys(credentialsThat(async () => answer))!;
    const refused = passkeys.authenticate(REQUEST_OPTIONS, new AbortController().signal);
    await expect(refused).rejects.toMatchObject({ code: 'passkeyCancelled', message: expect.stringMatching(/passkey/) });
    await expect(passkeys.register(CREATION_OPTIONS, new AbortController().signal)).rejects.toMatchObject({ code: 'passkeyCancelled' });
  });

  it.each([
    ['NotAllowedError', 'passkeyCancelled', /No passkey was used/],
    ['InvalidStateError', 'passkeyUnavailable', /already holds a passkey/],
    ['NotSupportedError', 'passkeyUnavailable', /cannot make a passkey/],
    ['SecurityError', 'invalidConfig', /relying party/],
  ] as const)("turns the browser's %s into %s, saying why, with the browser's error as its cause", async (name, code, says) => {
    const thrown = new DOMException(`Refused (${name}).`, name);
    const passkeys = browserPasskeys(
      credentialsThat(async () => {
        throw thrown;
      }),
    )!;
    const refused = passkeys.register(CREATION_OPTIONS, new AbortController().signal);
    await expect(refused).rejects.toMatchObject({ code, message: expect.stringMatching(says), cause: thrown });
  });
});
