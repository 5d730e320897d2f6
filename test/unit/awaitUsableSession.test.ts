import { SimulatedClock } from 'xstate';
import { afterEach, describe, expect, it } from 'vitest';
import { mapCognitoError } from '../../machines/cognito/mapCognitoError.js';
import { signedInAuth } from '../support/signedInAuth.js';

// What auth.fetch and getTokens get when they ask for a session: a usable one, a refresh first when
// it is due, or a typed error saying why there is none. The clock is the test's; the chart's timers
// (an hour away) never fire during a test. Why there is none (notSignedIn, sessionExpired) and a
// caller who gives up during the refresh: in http/authFetch.test.ts.

const API = 'https://api.example.com';
let now = Date.now();
afterEach(() => {
  now = Date.now();
});

const outage = () => mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name: 'InternalErrorException', message: 'try again', status: 500 });

async function signedIn() {
  const api: (string | null)[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    api.push(new Request(input, init).headers.get('Authorization'));
    return new Response('{}');
  }) as typeof globalThis.fetch;
  return { api, ...(await signedInAuth({ now: () => now, config: { fetch, apiOrigins: [API] } })) };
}

describe('awaitUsableSession', () => {
  it('while a failed refresh waits to retry, a due but unexpired token is used without asking Cognito again', async () => {
    const { auth, cognito, api, refreshes } = await signedIn();
    const token = auth.actor.getSnapshot().context.session!.tokens.idToken;
    cognito.on('InitiateAuth', () => {
      throw outage();
    });
    now += 3600_000 - 30_000;
    expect((await auth.fetch(`${API}/a`)).status).toBe(200);
    expect(refreshes()).toBe(1);
    expect(auth.actor.getSnapshot().matches({ refreshing: 'retrying' })).toBe(true);
    expect((await auth.fetch(`${API}/b`)).status).toBe(200);
    expect(refreshes()).toBe(1);
    expect(api).toEqual([token, token]);
  });

  it('once the tokens have expired and the refresh keeps failing: offline, with the refresh’s failure as the cause', async () => {
    const { auth, cognito } = await signedIn();
    cognito.on('InitiateAuth', () => {
      throw outage();
    });
    now += 3600_000 + 5_000;
    const error = await auth.fetch(`${API}/a`).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'offline', retryable: true, message: 'You appear to be offline; the session resumes when the connection is back.' });
    expect((error as Error).cause).toMatchObject({ code: 'serviceUnavailable' });
    expect(await auth.getTokens()).toBeNull();
  });

  it('refreshes once per call, even when the new tokens are due at once (no loop of refreshes)', async () => {
    // Tokens that live 2 s are within the refresh lead (half their lifetime) as they arrive. The
    // timers are simulated and never move here, so only getTokens itself could ask again.
    const timers = new SimulatedClock();
    timers.set(Date.UTC(2026, 0, 1));
    const { auth, refreshes } = await signedInAuth({ now: () => timers.now(), config: { clock: timers }, tokens: { lifetimeSeconds: 2 } });
    const first = auth.actor.getSnapshot().context.session!.tokens.idToken;
    const tokens = await auth.getTokens();
    expect(refreshes()).toBe(1);
    expect(tokens?.idToken).not.toBe(first);
    expect(tokens?.idToken).toBe(auth.actor.getSnapshot().context.session!.tokens.idToken);
  });
});
