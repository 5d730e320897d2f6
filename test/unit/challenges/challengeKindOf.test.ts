import { describe, expect, it } from 'vitest';
import { challengeKindOf } from '../../../machines/challenges/Challenge.js';
import { toSignInResult } from '../../../machines/actors/signInResult.js';
import { resolveConfig } from '../../../machines/index.js';
import { TEST_POOL } from '../../support/fakeTokens.js';

describe('challengeKindOf', () => {
  it('gives each challenge authchart answers its kind, and unsupported to others', () => {
    expect(challengeKindOf('NEW_PASSWORD_REQUIRED')).toBe('newPassword');
    expect(challengeKindOf('SMS_MFA')).toBe('mfaCode');
    expect(challengeKindOf('SOFTWARE_TOKEN_MFA')).toBe('mfaCode');
    expect(challengeKindOf('EMAIL_OTP')).toBe('mfaCode');
    expect(challengeKindOf('SELECT_MFA_TYPE')).toBe('selectMfaType');
    expect(challengeKindOf('MFA_SETUP')).toBe('mfaSetup');
    expect(challengeKindOf('CUSTOM_CHALLENGE')).toBe('custom');
    expect(challengeKindOf('SMS_OTP')).toBe('mfaCode');
    expect(challengeKindOf('SELECT_CHALLENGE')).toBe('selectChallenge');
    expect(challengeKindOf('WEB_AUTHN')).toBe('passkey');
    expect(challengeKindOf('DEVICE_SRP_AUTH')).toBe('device');
    // Answered inside the device's proof, never routed on.
    expect(challengeKindOf('DEVICE_PASSWORD_VERIFIER')).toBe('unsupported');
    expect(challengeKindOf('ADMIN_NO_SRP_AUTH')).toBe('unsupported');
    // Names that are properties of every object are not challenges.
    expect(challengeKindOf('constructor')).toBe('unsupported');
    expect(challengeKindOf('toString')).toBe('unsupported');
  });

  it('is decided once, where the answer is read', () => {
    const config = resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId });
    const result = toSignInResult({ ChallengeName: 'EMAIL_OTP', Session: 's', ChallengeParameters: {} }, 'demo', config, 0);
    expect(result.challenge).toMatchObject({ name: 'EMAIL_OTP', kind: 'mfaCode' });
  });
});
