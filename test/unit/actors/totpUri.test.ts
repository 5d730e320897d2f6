import { describe, expect, it } from 'vitest';
import { totpUri } from '../../../machines/actors/totpUri.js';

// Authenticator apps read these parameters from the QR code; Cognito's TOTP is SHA1, 6 digits, 30 s.
describe('totpUri', () => {
  it("names the issuer and account, and states Cognito's TOTP parameters", () => {
    const [label, query] = totpUri('Example Co', 'demo@example.com', 'JBSWY3DPEHPK3PXP').split('?');
    expect(label).toBe('otpauth://totp/Example%20Co:demo%40example.com');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Example Co',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
