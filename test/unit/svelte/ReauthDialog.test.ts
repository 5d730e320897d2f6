import { fireEvent, render, screen } from '@testing-library/svelte';
import { waitFor as waitForActor } from 'xstate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { ReauthDialog } from '../../../src/lib/index.js';
import { makeTokenSet } from '../../support/fakeTokens.js';
import AuthHost from './AuthHost.svelte';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

let fixture: AuthFixture;

afterEach(() => {
  fixture?.auth.stop();
});

async function renderExpired(childProps: Record<string, unknown> = {}) {
  fixture = authFixture();
  const { container } = render(AuthHost, { auth: fixture.auth, child: ReauthDialog, childProps });
  const dialog = container.querySelector('dialog')!;
  expect(dialog.open).toBe(false);
  await fixture.auth.signIn({ username: 'demo', password: PASSWORD });
  fixture.refresh = 'reject';
  fixture.auth.actor.send({ type: 'REFRESH' });
  await waitForActor(fixture.auth.actor, (s) => s.matches('expired'));
  await vi.waitFor(() => expect(dialog.open).toBe(true));
  return dialog;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ReauthDialog', () => {
  it('opens over the page when the session expires, with the username filled in', async () => {
    const dialog = await renderExpired();
    expect(input('Username').value).toBe('demo');
    expect(input('Password').value).toBe('');
    expect(dialog.textContent).toContain('Your session has expired.');
  });

  it('signs in again and closes; a wrong password first keeps it open with a message', async () => {
    const dialog = await renderExpired();
    await fireEvent.input(input('Password'), { target: { value: 'typo' } });
    await fireEvent.submit(dialog.querySelector('form')!);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Incorrect username or password.'));
    expect(dialog.open).toBe(true);
    expect(input('Password').value).toBe('');

    await fireEvent.input(input('Password'), { target: { value: PASSWORD } });
    await fireEvent.submit(dialog.querySelector('form')!);
    await vi.waitFor(() => expect(dialog.open).toBe(false));
    expect(fixture.auth.actor.getSnapshot().matches('signedIn')).toBe(true);
  });

  it('refuses a second submit while the first is in flight', async () => {
    const dialog = await renderExpired();
    const signIn = vi.spyOn(fixture.auth, 'signIn');
    await fireEvent.input(input('Password'), { target: { value: PASSWORD } });
    const form = dialog.querySelector('form')!;
    await Promise.all([fireEvent.submit(form), fireEvent.submit(form)]);
    await vi.waitFor(() => expect(dialog.open).toBe(false));
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('signs out instead when asked, and tells the app', async () => {
    const onsignedout = vi.fn();
    const dialog = await renderExpired({ onsignedout });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await vi.waitFor(() => expect(onsignedout).toHaveBeenCalledOnce());
    expect(dialog.open).toBe(false);
    expect(fixture.auth.actor.getSnapshot().context.endReason).toBe('user');
  });

  it('stays open on Escape: the buttons are the ways out', async () => {
    const dialog = await renderExpired();
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(dialog.open).toBe(true);
  });

  it('answers an MFA challenge in the dialog; Cancel asks for the password again', async () => {
    const dialog = await renderExpired();
    fixture.cognito.on('InitiateAuth', () => ({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'challenge-session',
      ChallengeParameters: { USER_ID_FOR_SRP: 'demo' },
    }));
    fixture.cognito.on('RespondToAuthChallenge', (request) => {
      if (request.ChallengeResponses?.['SOFTWARE_TOKEN_MFA_CODE'] !== '123456') throw new AuthError('codeMismatch', 'Invalid code');
      const set = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), serial: 99 });
      return { AuthenticationResult: { IdToken: set.idToken, AccessToken: set.accessToken, RefreshToken: set.refreshToken } };
    });
    const enterPassword = async () => {
      await fireEvent.input(input('Password'), { target: { value: PASSWORD } });
      await fireEvent.submit(dialog.querySelector('form')!);
      return screen.findByLabelText('Verification code');
    };

    await enterPassword();
    expect(dialog.open).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByLabelText('Password');
    expect(dialog.open).toBe(true);
    expect(input('Username').value).toBe('demo');

    const code = (await enterPassword()) as HTMLInputElement;
    await fireEvent.input(code, { target: { value: '000000' } });
    await fireEvent.submit(dialog.querySelector('form')!);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That code is not right. Check it and try again.'));
    await fireEvent.input(code, { target: { value: '123456' } });
    await fireEvent.submit(dialog.querySelector('form')!);
    await vi.waitFor(() => expect(dialog.open).toBe(false));
    expect(fixture.auth.actor.getSnapshot().matches('signedIn')).toBe(true);
  });
});
