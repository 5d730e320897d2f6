import { describe, expect, it } from 'vitest';
import { AuthError } from '../../machines/index.js';
import { requireConfirmationCode, requireMfaCode, requirePassword, requireText } from '../../machines/validateInput.js';

// Checked before any request: a typo must cost no call (and no throttling quota), and what is
// sent must be exactly what Cognito expects.
function refusal(run: () => unknown): AuthError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('invalidRequest');
    return error as AuthError;
  }
  throw new Error('expected an invalidRequest AuthError');
}

describe('requireText', () => {
  it('trims, and refuses what is empty once trimmed, naming what is missing', () => {
    expect(requireText('  demo \n', 'a username')).toBe('demo');
    expect(refusal(() => requireText('   ', 'a username')).message).toBe('Enter a username.');
    expect(refusal(() => requireText(undefined, 'a username')).message).toBe('Enter a username.');
  });
});

describe('requirePassword', () => {
  it('takes a password exactly as typed, spaces included', () => {
    expect(requirePassword('  pass word  ')).toBe('  pass word  ');
    expect(requirePassword(' ')).toBe(' ');
  });

  it('refuses an empty or missing one, naming it', () => {
    expect(refusal(() => requirePassword('')).message).toBe('Enter a password.');
    expect(refusal(() => requirePassword(42, 'a new password')).message).toBe('Enter a new password.');
  });
});

describe('requireMfaCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['1234567', '1234567'],
    ['12345678', '12345678'],
  ])('takes %j as %s', (typed, sent) => {
    expect(requireMfaCode(typed)).toBe(sent);
  });

  it.each(['12345', '123456789', '12345a', 'abcdef', '', undefined])('refuses %j', (typed) => {
    expect(refusal(() => requireMfaCode(typed)).message).toBe('Enter the 6-digit code.');
  });
});

describe('requireConfirmationCode', () => {
  it('takes any code of 1 to 64 characters without spaces, trimmed', () => {
    expect(requireConfirmationCode(' 1 ')).toBe('1');
    expect(requireConfirmationCode('AbC-123')).toBe('AbC-123');
    expect(requireConfirmationCode('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it.each(['', '   ', '12 34', 'x'.repeat(65), null])('refuses %j', (typed) => {
    expect(refusal(() => requireConfirmationCode(typed)).message).toBe('Enter the code from the message we sent you.');
  });
});
