import { AuthError } from './AuthError.js';

/**
 * Checks made before any network call, so that a typo costs no request (and no throttling
 * quota). Each throws an `invalidRequest` AuthError with a message a person can act on.
 */
export function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new AuthError('invalidRequest', `Enter ${what}.`);
  return value.trim();
}

/** Passwords are taken as typed: spaces may be part of them. */
export function requirePassword(value: unknown, what = 'a password'): string {
  if (typeof value !== 'string' || value === '') throw new AuthError('invalidRequest', `Enter ${what}.`);
  return value;
}

/** MFA codes (TOTP, SMS, email) are 6 digits; Cognito's email OTP may have 8. */
export function requireMfaCode(value: unknown): string {
  const code = typeof value === 'string' ? value.replace(/\s/g, '') : '';
  if (!/^\d{6,8}$/.test(code)) throw new AuthError('invalidRequest', 'Enter the 6-digit code.');
  return code;
}

/** Confirmation and reset codes: digits by default, but a pool's custom message may change them. */
export function requireConfirmationCode(value: unknown): string {
  const code = typeof value === 'string' ? value.trim() : '';
  if (!/^\S{1,64}$/.test(code)) throw new AuthError('invalidRequest', 'Enter the code from the message we sent you.');
  return code;
}
