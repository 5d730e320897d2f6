import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { waitFor as waitForActor } from 'xstate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthState, getAuthState, TransitionLog } from '../../../src/lib/index.js';
import AuthHost from './AuthHost.svelte';
import AuthProbe from './AuthProbe.svelte';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

let fixture: AuthFixture;

afterEach(() => {
  fixture?.auth.stop();
});

function renderProbe() {
  fixture = authFixture();
  render(AuthHost, { auth: fixture.auth, child: AuthProbe });
  return fixture;
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

async function expired(f: AuthFixture) {
  await f.auth.signIn({ username: 'demo', password: PASSWORD });
  f.refresh = 'reject';
  f.auth.actor.send({ type: 'REFRESH' });
  await waitForActor(f.auth.actor, (s) => s.matches('expired'));
}

describe('AuthState', () => {
  it('follows the actor: restoring, signed out, then signed in with the user', async () => {
    const f = renderProbe();
    expect(text('top')).toBe('restoring');
    await vi.waitFor(() => expect(text('top')).toBe('signedOut'));
    expect(text('authenticated')).toBe('false');
    expect(text('storage')).toBe('memory');

    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    await vi.waitFor(() => expect(text('path')).toBe('signedIn.idle'));
    expect(text('top')).toBe('signedIn');
    expect(text('authenticated')).toBe('true');
    expect(text('user')).toBe('demo');
  });

  it('counts refreshing as signed in, and the refresh when it lands', async () => {
    const f = renderProbe();
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    f.refresh = 'hang';
    f.auth.actor.send({ type: 'REFRESH' });
    await vi.waitFor(() => expect(text('top')).toBe('refreshing'));
    expect(text('authenticated')).toBe('true');
    expect(text('user')).toBe('demo');
    f.auth.stop();
  });

  it('shows the error of a failed sign-in and keeps no copy of it', async () => {
    const f = renderProbe();
    await expect(f.auth.signIn({ username: 'demo', password: 'wrong' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    await vi.waitFor(() => expect(text('error')).toBe('invalidCredentials'));
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    await vi.waitFor(() => expect(text('error')).toBe(''));
  });

  it('asks for re-authentication when expired, and keeps asking after a wrong password', async () => {
    const f = authFixture();
    fixture = f;
    const state = new AuthState(f.auth);
    await expired(f);
    expect(state.needsReauth).toBe(true);
    expect(state.lastUsername).toBe('demo');
    expect(state.canRefresh).toBe(false);

    await expect(state.reauthenticate({ username: 'demo', password: 'typo' })).rejects.toMatchObject({ code: 'invalidCredentials' });
    // The machine stays expired after a failed re-authentication; the prompt stays up.
    expect(f.auth.actor.getSnapshot().matches('expired')).toBe(true);
    expect(state.needsReauth).toBe(true);

    await expect(state.reauthenticate({ username: 'demo', password: PASSWORD })).resolves.toBe('signedIn');
    expect(state.needsReauth).toBe(false);
    expect(state.isAuthenticated).toBe(true);
    state.dispose();
  });

  it('forgets a re-auth in progress once a session comes from elsewhere', async () => {
    const f = authFixture();
    fixture = f;
    const state = new AuthState(f.auth);
    await expired(f);
    await expect(state.reauthenticate({ username: 'demo', password: 'typo' })).rejects.toThrow();
    // Signed in some other way (the sign-in page, another tab), then signed out: no prompt.
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    await f.auth.signOut();
    expect(state.needsReauth).toBe(false);
    state.dispose();
  });

  it("logs why a refresh failed by the error's code", async () => {
    const f = authFixture();
    fixture = f;
    const log = new TransitionLog(f.auth.actor, { limit: 8 });
    await expired(f);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ event: 'xstate.error.actor.refreshSession', detail: 'refreshRejected' }),
    );
    log.dispose();
  });

  it('ends an expired session when the user declines to sign in again', async () => {
    const f = authFixture();
    fixture = f;
    const state = new AuthState(f.auth);
    await expired(f);
    await state.abandonReauth();
    expect(state.needsReauth).toBe(false);
    expect(state.endReason).toBe('user');
    state.dispose();
  });

  it('logs transitions with redacted events: no password, no token', async () => {
    const f = authFixture();
    fixture = f;
    const log = new TransitionLog(f.auth.actor, { limit: 8 });
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    const tokens = f.auth.actor.getSnapshot().context.session!.tokens;
    const entries = log.entries;
    expect(entries.map((entry) => `${entry.from} → ${entry.to}`)).toEqual([
      'authenticating.submitting → signedIn.idle',
      'signedOut.idle → authenticating.submitting',
      'restoring → signedOut.idle',
    ]);
    expect(entries[1]).toMatchObject({ event: 'SIGN_IN', detail: '{"username":"demo","password":"[redacted]"}' });
    expect(entries[0]).toMatchObject({ event: 'xstate.done.actor.startSignIn' });
    const logged = JSON.stringify(entries);
    for (const secret of [PASSWORD, tokens.idToken, tokens.accessToken, tokens.refreshToken]) expect(logged).not.toContain(secret);
    log.dispose();
  });

  it('keeps only the last transitions, and stops listening once disposed', async () => {
    const f = authFixture();
    fixture = f;
    const log = new TransitionLog(f.auth.actor, { limit: 2 });
    await f.auth.signIn({ username: 'demo', password: PASSWORD });
    expect(log.entries).toHaveLength(2);
    log.dispose();
    const before = log.entries;
    await f.auth.signOut();
    expect(log.entries).toBe(before);
  });

  it('is shared through context, and cannot be read outside an AuthProvider', () => {
    expect(() => getAuthState()).toThrow();
    const f = renderProbe();
    flushSync();
    expect(screen.getByTestId('top')).toBeTruthy();
    f.auth.stop();
  });
});
