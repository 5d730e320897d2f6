import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { associateChallengeTotp, respondToChallenge, verifyChallengeTotp } from '../../../machines/actors/challengeActors.js';
import { challengeKindOf, type Challenge } from '../../../machines/challenges/Challenge.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { actorInput, hanging, run, tokenAnswer } from './actorInput.js';

// The answers to a sign-in challenge, sent straight to the actors with a scripted Cognito: what
// is refused before any request, what Cognito's odd answers become, and that stopping a step
// (cancel, sign-out) aborts its request.

function challengeOf(name: string): Challenge {
  return {
    name,
    kind: challengeKindOf(name),
    challengeSession: `session-for-${name}`,
    username: 'demo',
    parameters: {},
    totpSetup: null,
    firstFactor: null,
  };
}

describe('respondToChallenge', () => {
  it('refuses an empty new password before any request, asking for a new password', async () => {
    const cognito = new FakeCognito();
    const answering = run(respondToChallenge, { ...actorInput(cognito), challenge: challengeOf('NEW_PASSWORD_REQUIRED'), responses: { NEW_PASSWORD: '' } });
    await expect(answering).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('new password') });
    expect(cognito.calls).toEqual([]);
  });

  it('refuses an empty answer to a custom challenge before any request, asking for an answer', async () => {
    const cognito = new FakeCognito();
    const answering = run(respondToChallenge, { ...actorInput(cognito), challenge: challengeOf('CUSTOM_CHALLENGE'), responses: { ANSWER: '' } });
    await expect(answering).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('answer') });
    expect(cognito.calls).toEqual([]);
  });

  it('refuses an MFA choice that is no MFA type before any request, asking to choose one', async () => {
    const cognito = new FakeCognito();
    const answering = run(respondToChallenge, { ...actorInput(cognito), challenge: challengeOf('SELECT_MFA_TYPE'), responses: { ANSWER: 'PASSWORD' } });
    await expect(answering).rejects.toMatchObject({ code: 'invalidRequest', message: expect.stringContaining('MFA') });
    expect(cognito.calls).toEqual([]);
  });

  it('sends a chosen MFA type as the ANSWER', async () => {
    const cognito = new FakeCognito().on('RespondToAuthChallenge', () => tokenAnswer());
    await run(respondToChallenge, { ...actorInput(cognito), challenge: challengeOf('SELECT_MFA_TYPE'), responses: { ANSWER: 'EMAIL_OTP' } });
    expect(cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({ ChallengeResponses: { USERNAME: 'demo', ANSWER: 'EMAIL_OTP' } });
  });

  it('aborts its request when stopped (the user cancelled the step)', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('RespondToAuthChallenge', handler);
    const actor = createActor(respondToChallenge, {
      input: { ...actorInput(cognito), challenge: challengeOf('SOFTWARE_TOKEN_MFA'), responses: { SOFTWARE_TOKEN_MFA_CODE: '123456' } },
    }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });
});

describe('associateChallengeTotp', () => {
  it("asks for the TOTP secret with the challenge's session (there is no access token yet)", async () => {
    const cognito = new FakeCognito().on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'session-2' }));
    await run(associateChallengeTotp, { ...actorInput(cognito), challenge: challengeOf('MFA_SETUP') });
    expect(cognito.callsOf('AssociateSoftwareToken')[0]!.input).toEqual({ Session: 'session-for-MFA_SETUP' });
  });

  it('fails as unknown, saying so, when the pool returns no TOTP secret', async () => {
    const cognito = new FakeCognito().on('AssociateSoftwareToken', () => ({ Session: 'session-2' }));
    const associating = run(associateChallengeTotp, { ...actorInput(cognito), challenge: challengeOf('MFA_SETUP') });
    await expect(associating).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('TOTP secret') });
  });
});

describe('verifyChallengeTotp', () => {
  it('refuses a code the pool did not verify as codeMismatch, and answers no challenge with it', async () => {
    const cognito = new FakeCognito().on('VerifySoftwareToken', () => ({ Status: 'ERROR' }));
    const verifying = run(verifyChallengeTotp, { ...actorInput(cognito), challenge: challengeOf('MFA_SETUP'), code: '123456' });
    await expect(verifying).rejects.toMatchObject({ code: 'codeMismatch', message: expect.stringContaining('code') });
    expect(cognito.callsOf('RespondToAuthChallenge')).toEqual([]);
  });

  it('aborts the verification in flight when stopped', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('VerifySoftwareToken', handler);
    const actor = createActor(verifyChallengeTotp, { input: { ...actorInput(cognito), challenge: challengeOf('MFA_SETUP'), code: '123456' } }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });

  it('aborts the answer to MFA_SETUP in flight when stopped', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('VerifySoftwareToken', () => ({ Status: 'SUCCESS', Session: 'session-3' })).on('RespondToAuthChallenge', handler);
    const actor = createActor(verifyChallengeTotp, { input: { ...actorInput(cognito), challenge: challengeOf('MFA_SETUP'), code: '123456' } }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });
});
