import { describe, expect, it } from 'vitest';
import { AuthError, createAuth, type PasskeyPort } from '../../../machines/index.js';
import { createPasskeys } from '../../../machines/passkeys/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { signedInAuth } from '../../support/signedInAuth.js';

// createPasskeys against a scripted pool: what each request carries and how the pool's odd or
// refusing answers come out. The ceremonies checked for real: passkeys.test.ts.

const CREATION_OPTIONS = { challenge: 'Y2hhbGxlbmdl' };

/** A passkey port that answers every registration with the same credential, recording what it was asked. */
function recordingPasskeys() {
  const asked: unknown[] = [];
  const port: PasskeyPort = {
    authenticate: async () => {
      throw new Error('not in these tests');
    },
    register: async (options) => {
      asked.push(options);
      return { id: 'new-passkey' };
    },
  };
  return { port, asked };
}

describe('createPasskeys: register', () => {
  it("sends the app's signal with both registration requests, so giving up stops them", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const cognito = new FakeCognito()
      .on('StartWebAuthnRegistration', (_input, signal) => {
        signals.push(signal);
        return { CredentialCreationOptions: CREATION_OPTIONS };
      })
      .on('CompleteWebAuthnRegistration', (_input, signal) => {
        signals.push(signal);
        return {};
      });
    const { port, asked } = recordingPasskeys();
    const { auth } = await signedInAuth({ cognito, config: { passkeys: port } });
    const controller = new AbortController();
    await createPasskeys(auth).register({ signal: controller.signal });
    expect(asked).toEqual([CREATION_OPTIONS]);
    expect(signals).toEqual([controller.signal, controller.signal]);
  });

  it('refuses a pool answer without creation options as invalidResponse, without prompting', async () => {
    const cognito = new FakeCognito().on('StartWebAuthnRegistration', () => ({}));
    const { port, asked } = recordingPasskeys();
    const { auth } = await signedInAuth({ cognito, config: { passkeys: port } });
    await expect(createPasskeys(auth).register()).rejects.toMatchObject({ code: 'invalidResponse', message: expect.stringMatching(/passkey options/) });
    expect(asked).toEqual([]);
    expect(cognito.callsOf('CompleteWebAuthnRegistration')).toEqual([]);
  });

  it('says why it cannot register: no passkey port, or no session', async () => {
    const { auth: withoutPort } = await signedInAuth();
    await expect(createPasskeys(withoutPort).register()).rejects.toMatchObject({ code: 'passkeyUnavailable', message: expect.stringMatching(/passkeys/) });
    const signedOut = createAuth({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, storage: 'memory', wake: null, transport: new FakeCognito() });
    try {
      await expect(createPasskeys(signedOut).list()).rejects.toMatchObject({ code: 'notSignedIn', message: expect.stringMatching(/Sign in/) });
    } finally {
      signedOut.stop();
    }
  });
});

describe('createPasskeys: list and remove', () => {
  it('reads a page without Credentials as no passkeys, and a missing id as empty', async () => {
    let page = 0;
    const cognito = new FakeCognito().on('ListWebAuthnCredentials', () =>
      ++page === 1 ? { NextToken: 'next' } : { Credentials: [{ FriendlyCredentialName: 'Laptop' }] },
    );
    const { auth } = await signedInAuth({ cognito });
    expect(await createPasskeys(auth).list()).toEqual([{ id: '', name: 'Laptop', relyingPartyId: '', attachment: null, transports: [], createdAt: 0 }]);
  });

  it('refuses to remove without an id, before any request, saying what is missing', async () => {
    const { auth, cognito } = await signedInAuth();
    await expect(createPasskeys(auth).remove(' ')).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringMatching(/passkey/) });
    expect(cognito.callsOf('DeleteWebAuthnCredential')).toEqual([]);
  });

  it("passes on the pool's refusals of a removal other than 'already gone'", async () => {
    const refusal = new AuthError('notAuthorized', 'Access Token has been revoked', { cognitoName: 'NotAuthorizedException' });
    const cognito = new FakeCognito().on('DeleteWebAuthnCredential', () => {
      throw refusal;
    });
    const { auth } = await signedInAuth({ cognito });
    await expect(createPasskeys(auth).remove('a-passkey')).rejects.toBe(refusal);
  });
});
