import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { startSignIn } from '../../../machines/actors/startSignIn.js';
import type { AuthConfigInput } from '../../../machines/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { actorInput, hanging, run, tokenAnswer } from './actorInput.js';

// The first sign-in step with SRP (answerPasswordVerifier included), against a scripted Cognito
// whose PASSWORD_VERIFIER the client can answer (the proof itself is checked in
// test/unit/srp/srpSignIn.test.ts): what goes back with the proof, and what the next step is.

const VERIFIER = {
  ChallengeName: 'PASSWORD_VERIFIER' as const,
  Session: 'verifier-session',
  ChallengeParameters: { SRP_B: 'ab12', SALT: 'cd34', SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'a1b2-canonical' },
};

function signInInput(cognito: FakeCognito, authFlow: AuthConfigInput['authFlow'] = 'USER_SRP_AUTH') {
  return { ...actorInput(cognito, { authFlow }), username: 'demo@example.com', password: 'pw' };
}

describe('startSignIn with SRP', () => {
  it('sends the PASSWORD_VERIFIER session back with the proof', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => VERIFIER)
      .on('RespondToAuthChallenge', () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: 'mfa-session', ChallengeParameters: {} }));
    await run(startSignIn, signInInput(cognito));
    expect(cognito.callsOf('RespondToAuthChallenge')[0]!.input).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'verifier-session' });
  });

  it('answers the step after the proof as the user the proof was for, when Cognito names nobody there', async () => {
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => VERIFIER)
      .on('RespondToAuthChallenge', () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: 'mfa-session', ChallengeParameters: {} }));
    const result = await run(startSignIn, signInInput(cognito));
    expect(result.challenge).toMatchObject({ name: 'SOFTWARE_TOKEN_MFA', username: 'a1b2-canonical' });
  });

  it('aborts the proof in flight when stopped (the user cancelled)', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito()
      .on('InitiateAuth', () => VERIFIER)
      .on('RespondToAuthChallenge', handler);
    const actor = createActor(startSignIn, { input: signInInput(cognito) }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });

  it("CUSTOM_WITH_SRP: hands the user the trigger's challenge when it asks no proof of the password", async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => ({
      ChallengeName: 'CUSTOM_CHALLENGE' as const,
      Session: 'custom-session',
      ChallengeParameters: { question: 'What is 6 × 7?' },
    }));
    const result = await run(startSignIn, signInInput(cognito, 'CUSTOM_WITH_SRP'));
    expect(result.challenge).toMatchObject({ kind: 'custom', challengeSession: 'custom-session', parameters: { question: 'What is 6 × 7?' } });
    expect(cognito.callsOf('RespondToAuthChallenge')).toEqual([]);
  });
});

describe('startSignIn', () => {
  it('refuses an empty username before any request, asking for a username', async () => {
    const cognito = new FakeCognito();
    await expect(run(startSignIn, { ...signInInput(cognito), username: ' ' })).rejects.toMatchObject({
      code: 'invalidRequest',
      message: expect.stringContaining('username'),
    });
    expect(cognito.calls).toEqual([]);
  });

  it('USER_PASSWORD_AUTH sends the username and password, and no SRP value', async () => {
    const cognito = new FakeCognito().on('InitiateAuth', () => tokenAnswer());
    await run(startSignIn, signInInput(cognito, 'USER_PASSWORD_AUTH'));
    expect(cognito.callsOf('InitiateAuth')[0]!.input).toMatchObject({
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'demo@example.com', PASSWORD: 'pw' },
    });
    expect(Object.keys((cognito.callsOf('InitiateAuth')[0]!.input as { AuthParameters: object }).AuthParameters)).toEqual(['USERNAME', 'PASSWORD']);
  });

  it('aborts InitiateAuth in flight when stopped (the user cancelled)', async () => {
    const { called, handler } = hanging();
    const cognito = new FakeCognito().on('InitiateAuth', handler);
    const actor = createActor(startSignIn, { input: signInInput(cognito, 'USER_PASSWORD_AUTH') }).start();
    const signal = await called;
    expect(signal?.aborted).toBe(false);
    actor.stop();
    expect(signal?.aborted).toBe(true);
  });
});
