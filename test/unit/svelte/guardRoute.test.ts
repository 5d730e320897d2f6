import { waitFor as waitForActor } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../machines/index.js';
import { guardGuestRoute, guardRoute, returnToOrFallback } from '../../../src/lib/index.js';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

const running: AuthFixture[] = [];

function fixture(options: Parameters<typeof authFixture>[0] = {}) {
  const f = authFixture(options);
  running.push(f);
  return f;
}

afterEach(() => {
  for (const f of running.splice(0)) f.auth.stop();
});

describe('guardRoute', () => {
  it('waits for the stored session to be restored before it decides', async () => {
    const storage = memoryStorage();
    await fixture({ storage }).auth.signIn({ username: 'demo', password: PASSWORD });
    // A new page load over the same storage: the guard is asked while the actor is restoring.
    const { auth } = fixture({ storage });
    expect(auth.actor.getSnapshot().matches('restoring')).toBe(true);
    await expect(guardRoute(auth, '/account')).resolves.toBe('allow');
  });

  it('sends a signed-out user to sign in, with the page to return to', async () => {
    const { auth } = fixture();
    await expect(guardRoute(auth, '/account?tab=1#mfa')).resolves.toEqual({
      redirect: '/sign-in?returnTo=%2Faccount%3Ftab%3D1%23mfa',
    });
    await expect(guardRoute(auth, '/notes', { signInPath: '/login', returnToParam: 'next' })).resolves.toEqual({
      redirect: '/login?next=%2Fnotes',
    });
  });

  it('lets a refreshing user through at once: a refresh in flight changes nothing', async () => {
    const f = fixture();
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    f.refresh = 'hang';
    f.auth.actor.send({ type: 'REFRESH' });
    await waitForActor(f.auth.actor, (s) => s.matches('refreshing'));
    await expect(guardRoute(f.auth, '/account')).resolves.toBe('allow');
  });

  it('lets an expired session stay on the page, where the re-auth dialog asks for the password', async () => {
    const f = fixture();
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    f.refresh = 'reject';
    f.auth.actor.send({ type: 'REFRESH' });
    await waitForActor(f.auth.actor, (s) => s.matches('expired'));
    await expect(guardRoute(f.auth, '/account')).resolves.toBe('allow');
  });

  it('keeps letting the user stay while they sign in again and answer an MFA step', async () => {
    const f = fixture();
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    f.refresh = 'reject';
    f.auth.actor.send({ type: 'REFRESH' });
    await waitForActor(f.auth.actor, (s) => s.matches('expired'));
    f.cognito.on('InitiateAuth', () => ({
      ChallengeName: 'SOFTWARE_TOKEN_MFA' as const,
      Session: 'mfa-session',
      ChallengeParameters: { USER_ID_FOR_SRP: 'demo' },
    }));
    expect(await f.auth.signIn({ username: 'demo', password: PASSWORD })).toBe('mfaCode');
    await expect(guardRoute(f.auth, '/account')).resolves.toBe('allow');
  });

  it('decides after a sign-in in flight', async () => {
    const { auth } = fixture();
    await waitForActor(auth.actor, (s) => !s.matches('restoring'));
    auth.actor.send({ type: 'SIGN_IN', username: 'demo', password: PASSWORD });
    expect(auth.actor.getSnapshot().matches('authenticating')).toBe(true);
    await expect(guardRoute(auth, '/account')).resolves.toBe('allow');
  });

  it('guards again after sign-out', async () => {
    const { auth } = fixture();
    await auth.signIn({ username: 'demo', password: PASSWORD });
    await auth.signOut();
    await expect(guardRoute(auth, '/dashboard')).resolves.toEqual({ redirect: '/sign-in?returnTo=%2Fdashboard' });
  });
});

describe('guardGuestRoute', () => {
  const origin = 'https://app.example.com';

  it('lets a signed-out user see the sign-in page', async () => {
    const { auth } = fixture();
    await expect(guardGuestRoute(auth, '/account', { origin })).resolves.toBe('allow');
  });

  it('sends a signed-in user where returnTo points, when it is safe, else to the fallback', async () => {
    const { auth } = fixture();
    await auth.signIn({ username: 'demo', password: PASSWORD });
    await expect(guardGuestRoute(auth, '/account?tab=1', { origin })).resolves.toEqual({ redirect: '/account?tab=1' });
    for (const returnTo of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', undefined, 7]) {
      await expect(guardGuestRoute(auth, returnTo, { origin, fallback: '/dashboard' })).resolves.toEqual({ redirect: '/dashboard' });
    }
  });
});

describe('returnToOrFallback', () => {
  it("checks against the page's own origin by default", () => {
    expect(returnToOrFallback('/account')).toBe('/account');
    expect(returnToOrFallback(`${location.origin}/account`)).toBe('/');
    expect(returnToOrFallback('//evil.example', { fallback: '/home' })).toBe('/home');
  });
});
