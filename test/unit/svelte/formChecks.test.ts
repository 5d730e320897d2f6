import { describe, expect, it } from 'vitest';
import {
  checkConfirmationCode,
  checkEmail,
  checkFilled,
  checkMfaCode,
  checkNewPassword,
  normalizeCode,
} from '../../../src/lib/forms/index.js';

describe('form checks (before any request)', () => {
  it('names the first empty field, in order', () => {
    const fields = [
      ['username', ' ', 'Enter your username.'],
      ['password', '', 'Enter your password.'],
    ] as const;
    expect(checkFilled(fields)).toEqual({ field: 'username', message: 'Enter your username.' });
    expect(checkFilled([['username', 'demo', 'x'] as const, ['password', 'pw', 'y'] as const])).toBeNull();
  });

  it('wants a new password, confirmed by the same text', () => {
    expect(checkNewPassword('', '')).toEqual({ field: 'password', message: 'Enter a new password.' });
    expect(checkNewPassword('   ', '   ')?.field).toBe('password');
    expect(checkNewPassword('Secret-1!', '')).toEqual({ field: 'confirmation', message: 'Enter the new password again to confirm it.' });
    expect(checkNewPassword('Secret-1!', 'Secret-1?')).toEqual({ field: 'confirmation', message: 'The two passwords do not match.' });
    // Taken as typed: spaces are part of a password.
    expect(checkNewPassword(' Secret-1! ', 'Secret-1!')?.message).toBe('The two passwords do not match.');
    expect(checkNewPassword(' Secret-1! ', ' Secret-1! ')).toBeNull();
  });

  it('wants an email address that looks like one', () => {
    expect(checkEmail('')?.message).toBe('Enter your email address.');
    expect(checkEmail('name@')?.message).toBe('Enter an email address like name@example.com.');
    expect(checkEmail('name example.com')?.field).toBe('email');
    expect(checkEmail(' name@example.com ')).toBeNull();
  });

  it('takes codes as typed or pasted, and refuses malformed MFA codes', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(checkMfaCode('123 456')).toBeNull();
    expect(checkMfaCode('')?.message).toBe('Enter the 6-digit code.');
    expect(checkMfaCode('12345')?.message).toBe('Enter the 6-digit code.');
    expect(checkMfaCode('1234567')?.message).toBe('Enter the 6-digit code.');
    expect(checkMfaCode('12345a')?.message).toBe('The code has only digits: enter the 6-digit code.');
    // Email one-time codes may have up to 8 digits.
    expect(checkMfaCode('12345678', { min: 6, max: 8 })).toBeNull();
    expect(checkMfaCode('123', { min: 6, max: 8 })?.message).toBe('Enter the 6- to 8-digit code.');
  });

  it('accepts any short confirmation code (pools may customise them), but not none', () => {
    expect(checkConfirmationCode('123456')).toBeNull();
    expect(checkConfirmationCode('AB12CD')).toBeNull();
    expect(checkConfirmationCode('  ')?.message).toBe('Enter the code from the message we sent you.');
    expect(checkConfirmationCode('9'.repeat(65))?.field).toBe('code');
  });
});
