import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../machines/index.js';
import { toSignInResult } from '../../../machines/actors/signInResult.js';
import { TEST_POOL } from '../../support/fakeTokens.js';
import { NOW, tokenAnswer } from './actorInput.js';

// Cognito's answer to a sign-in step, read once: tokens, the next challenge, or an error that says
// which of the two was missing.

const config = () => resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });

describe('toSignInResult', () => {
  it.each(['IdToken', 'AccessToken', 'RefreshToken'] as const)('refuses tokens without their %s as invalidToken, saying it is missing', (missing) => {
    const result = tokenAnswer().AuthenticationResult;
    const { [missing]: _left, ...answer } = result;
    expect(() => toSignInResult({ AuthenticationResult: answer }, 'demo', config(), NOW)).toThrow(
      expect.objectContaining({ code: 'invalidToken', message: expect.stringContaining('missing') }),
    );
  });

  it.each([
    ['nothing at all', {}],
    ['a challenge without its session', { ChallengeName: 'SMS_MFA' as const }],
  ])('fails as unknown, saying so, on an answer with %s', (_, answer) => {
    expect(() => toSignInResult(answer, 'demo', config(), NOW)).toThrow(
      expect.objectContaining({ code: 'unknown', message: expect.stringContaining('neither tokens nor a challenge') }),
    );
  });

  it.each([
    ['USER_ID_FOR_SRP, over USERNAME', { USER_ID_FOR_SRP: 'a1b2-canonical', USERNAME: 'demo-alias' }, 'a1b2-canonical'],
    ['USER_ID_FOR_SRP', { USER_ID_FOR_SRP: 'a1b2-canonical' }, 'a1b2-canonical'],
    ['USERNAME', { USERNAME: 'a1b2-canonical' }, 'a1b2-canonical'],
    ['neither: the name typed', {}, 'demo@example.com'],
  ])("answers the next challenge as the user Cognito names: %s", (_, parameters, username) => {
    const result = toSignInResult({ ChallengeName: 'SMS_MFA', Session: 's', ChallengeParameters: parameters }, 'demo@example.com', config(), NOW);
    expect(result.challenge?.username).toBe(username);
  });
});
