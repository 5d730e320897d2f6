import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../../machines/challenges/Challenge.js';
import {
  challengeWithHiddenSecrets,
  credentialsWithHiddenPassword,
  sessionWithHiddenTokens,
} from '../../../machines/inspect/hideSecrets.js';
import type { Session } from '../../../machines/tokens/Session.js';

// What the context shows as JSON (logs, devtools, error reporters, a persisted snapshot) must
// still explain the state: everything but the secret is shown, and the secret is named as hidden
// rather than dropped, so a reader knows it is there. Code reads the real values unchanged.

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const TOTP = { secretCode: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/demo?secret=JBSWY3DPEHPK3PXP' };
const mfaSetup: Challenge = {
  name: 'MFA_SETUP',
  kind: 'mfaSetup',
  challengeSession: 'session-secret',
  username: 'alice',
  parameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
  totpSetup: TOTP,
  firstFactor: null,
};
const mfaCode: Challenge = { ...mfaSetup, name: 'SOFTWARE_TOKEN_MFA', kind: 'mfaCode', parameters: {}, totpSetup: null };

describe('challengeWithHiddenSecrets', () => {
  it.each([
    // A TOTP set-up's secret and its otpauth URI (the QR code) are the second factor itself.
    ['with a TOTP set-up', mfaSetup, { secretCode: '[redacted]', otpauthUri: '[redacted]' }],
    // No set-up stays none: forms show the QR-code step only when `totpSetup` is there.
    ['without a TOTP set-up', mfaCode, null],
  ])('shows a challenge %s as JSON with its secrets hidden, and keeps them for code', (_what, challenge, shownTotp) => {
    const hidden = challengeWithHiddenSecrets(challenge);
    expect(asJson(hidden)).toEqual({ ...challenge, challengeSession: '[redacted]', totpSetup: shownTotp });
    expect(hidden.challengeSession).toBe('session-secret');
    expect(hidden.totpSetup).toEqual(challenge.totpSetup);
  });
});

describe('sessionWithHiddenTokens', () => {
  it('shows the session as JSON with its three tokens named as hidden, and keeps them for code', () => {
    const tokens = { idToken: 'id-secret', accessToken: 'access-secret', refreshToken: 'refresh-secret' };
    const claims = { sub: 'user-1', iss: 'https://issuer.example.com', iat: 1_700_000_000, exp: 1_700_003_600 };
    const session: Session = {
      tokens,
      idClaims: { ...claims, token_use: 'id', aud: 'client-1' },
      accessClaims: { ...claims, token_use: 'access', client_id: 'client-1' },
      driftMs: 0,
      expiresAt: 1_700_003_600_000,
      lifetimeMs: 3_600_000,
    };
    const hidden = sessionWithHiddenTokens(session);
    expect(asJson(hidden)).toEqual({ ...session, tokens: { idToken: '[redacted]', accessToken: '[redacted]', refreshToken: '[redacted]' } });
    expect(hidden.tokens).toEqual(tokens);
  });
});

describe('credentialsWithHiddenPassword', () => {
  it('shows who signs in, not the password', () => {
    const hidden = credentialsWithHiddenPassword({ username: 'alice', password: 'pw-secret' });
    expect(asJson(hidden)).toEqual({ username: 'alice', password: '[redacted]' });
    expect(hidden.password).toBe('pw-secret');
  });
});
