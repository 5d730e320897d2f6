// The demo app's routes and guards with sv-router, in happy-dom: the guard glue as the app uses it.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../../../src/App.svelte';
import { authFixture, PASSWORD, type AuthFixture } from './authFixture.js';

let fixture: AuthFixture | undefined;

afterEach(() => {
  fixture?.auth.stop();
});

const path = () => `${location.pathname}${location.search}`;

describe('demo app routing', () => {
  it('sends a signed-out visit of a protected page to sign-in, and back after signing in', async () => {
    history.replaceState(null, '', '/account?tab=1');
    fixture = authFixture();
    render(App, { auth: fixture.auth });
    await vi.waitFor(() => expect(path()).toBe('/sign-in?returnTo=%2Faccount%3Ftab%3D1'));
    await screen.findByText('/account?tab=1');

    await fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'demo' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => expect(path()).toBe('/account?tab=1'));
    await vi.waitFor(() => expect(screen.getByTestId('account-username').textContent).toBe('demo'));
  });

  it('refuses to return to another site', async () => {
    history.replaceState(null, '', `/sign-in?returnTo=${encodeURIComponent('//evil.example/')}`);
    fixture = authFixture();
    render(App, { auth: fixture.auth });
    await screen.findByLabelText('Username');
    await fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'demo' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(path()).toBe('/dashboard'));
  });

  it('shows a human message for a wrong password, and keeps the user on the page', async () => {
    history.replaceState(null, '', '/sign-in');
    fixture = authFixture();
    render(App, { auth: fixture.auth });
    await screen.findByLabelText('Username');
    await fireEvent.input(screen.getByLabelText('Username'), { target: { value: 'demo' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Incorrect username or password.'));
    expect(path()).toBe('/sign-in');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });
});
