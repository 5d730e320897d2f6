// Passkeys in chromium with a real WebAuthn ceremony: the Chrome DevTools Protocol's virtual
// authenticator (CTAP2, internal transport, resident keys, user verification) stands in for the
// device. The pool side is dev/userAuthFront.js, which checks every ceremony with
// @simplewebauthn/server. Register while signed in, sign out, sign in with the passkey; a
// dismissed prompt; a passkey removed from the account no longer signs in.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signIn, url } from './appPage.js';
import { useBrowserPage } from './useBrowserPage.js';

const e2e = inject('e2e');
const { page } = useBrowserPage();
const USER = e2e.demoUser;

interface Authenticator {
  cdp: CDPSession;
  authenticatorId: string;
}

/** A platform authenticator that verifies the user and answers at once, as Touch ID would. */
async function addAuthenticator(p: Page): Promise<Authenticator> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function credentialCount({ cdp, authenticatorId }: Authenticator): Promise<number> {
  return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length;
}

async function signOut(p: Page) {
  await p.goto(url(e2e.passkeyAppUrl, '/account'));
  await p.getByRole('button', { name: 'Sign out of this device' }).click();
  await p.waitForURL(url(e2e.passkeyAppUrl, '/'));
}

async function signInWithPasskey(p: Page) {
  await p.goto(url(e2e.passkeyAppUrl, '/sign-in'));
  await p.getByLabel('Username').fill(USER.username);
  await p.getByRole('button', { name: 'Sign in with a passkey' }).click();
}

/** The DOM never holds the ceremony's secrets: no JWT, no password, no challenge session. */
async function expectNoSecretsInDom(p: Page) {
  const html = await p.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  expect(html).not.toContain(USER.password);
  // The front's challenge sessions all start so (dev/userAuthPool.js).
  expect(html).not.toContain('userAuthPool.');
}

describe('passkeys (WebAuthn, virtual authenticator)', () => {
  it('registers a passkey while signed in, signs out, and signs in with it; a removed passkey no longer signs in', async () => {
    const p = page();
    const authenticator = await addAuthenticator(p);
    await signIn(p, e2e.passkeyAppUrl, USER);
    await p.waitForURL(url(e2e.passkeyAppUrl, '/dashboard'));
    await p.goto(url(e2e.passkeyAppUrl, '/account'));
    await expect.poll(() => p.getByTestId('passkeys-empty').isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(() => p.getByTestId('passkey-list').locator('li').count()).toBe(1);
    expect(await credentialCount(authenticator)).toBe(1);
    await expectNoSecretsInDom(p);
    await screenshot(p, 'passkeys-registered');

    await signOut(p);
    await signInWithPasskey(p);
    await p.waitForURL(url(e2e.passkeyAppUrl, '/dashboard'));
    // The demo API takes the tokens the passkey sign-in got.
    await p.getByTestId('profile').waitFor();
    expect(await p.getByTestId('profile').textContent()).toContain(USER.username);
    await expectNoSecretsInDom(p);

    // Removed from the account, the passkey stays on the device, but the pool no longer offers it.
    await p.goto(url(e2e.passkeyAppUrl, '/account'));
    await expect.poll(() => p.getByTestId('passkey-list').locator('li').count()).toBe(1);
    await p.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => p.getByTestId('passkeys-empty').isVisible()).toBe(true);
    expect(await credentialCount(authenticator)).toBe(1);
    await signOut(p);
    await signInWithPasskey(p);
    // The pool offers the ways in this user still has: the choice, without passkeys.
    await expect.poll(() => p.getByRole('heading', { name: 'How do you want to sign in?' }).isVisible()).toBe(true);
    expect(await p.locator('[data-choice="WEB_AUTHN"]').count()).toBe(0);
    expect(new URL(p.url()).pathname).toBe('/sign-in');
    await screenshot(p, 'passkeys-removed');
  });

  it('offers the other ways in, with a message, when the browser has no passkey to give (as for a dismissed prompt)', async () => {
    const p = page();
    const authenticator = await addAuthenticator(p);
    await signIn(p, e2e.passkeyAppUrl, USER);
    await p.waitForURL(url(e2e.passkeyAppUrl, '/dashboard'));
    await p.goto(url(e2e.passkeyAppUrl, '/account'));
    await p.getByRole('button', { name: 'Add a passkey' }).click();
    await expect.poll(() => p.getByTestId('passkey-list').locator('li').count()).toBeGreaterThan(0);
    await signOut(p);

    // The device has no passkey for this site (lost, or another device): the browser answers
    // NotAllowedError, exactly as it does for a dismissed prompt (browsers do not tell them apart).
    await authenticator.cdp.send('WebAuthn.clearCredentials', { authenticatorId: authenticator.authenticatorId });
    await signInWithPasskey(p);
    await expect.poll(() => p.getByRole('heading', { name: 'How do you want to sign in?' }).isVisible()).toBe(true);
    await expect.poll(() => p.getByRole('alert').filter({ hasText: 'No passkey was used' }).count()).toBe(1);
    expect(new URL(p.url()).pathname).toBe('/sign-in');
    expect(await p.getByTestId('auth-state').textContent()).toBe('authenticating');
    await expectNoSecretsInDom(p);
    await screenshot(p, 'passkeys-no-passkey-on-device');

    // The password is still a way in; then the account is left as the other test expects it.
    await p.locator('[data-choice="PASSWORD"]').click();
    await p.getByLabel('Password').fill(USER.password);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.waitForURL(url(e2e.passkeyAppUrl, '/dashboard'));
    await p.goto(url(e2e.passkeyAppUrl, '/account'));
    await p.getByTestId('passkey-list').waitFor();
    await p.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => p.getByTestId('passkeys-empty').isVisible()).toBe(true);
  });
});
