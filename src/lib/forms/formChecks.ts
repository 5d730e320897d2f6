/**
 * Checks a form makes before any request, so that a typo costs no round trip and gets a message
 * next to the field. Each returns the first problem (`field` names the input to mark and focus)
 * or null. The machine checks again (AuthError `invalidRequest`); these are for the person.
 */
export interface FieldProblem<Field extends string = string> {
  field: Field;
  message: string;
}

/** Blank or whitespace only. Passwords are not trimmed elsewhere, but a blank one is still blank. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}

/** The first field, in order, that is empty: `[['username', 'Enter your username.'], …]`. */
export function checkFilled<Field extends string>(
  fields: ReadonlyArray<readonly [field: Field, value: string, message: string]>,
): FieldProblem<Field> | null {
  for (const [field, value, message] of fields) if (isBlank(value)) return { field, message };
  return null;
}

/** A new password and its confirmation: both given, and the same. */
export function checkNewPassword(password: string, confirmation: string): FieldProblem<'password' | 'confirmation'> | null {
  if (password === '') return { field: 'password', message: 'Enter a new password.' };
  if (password.trim() === '') return { field: 'password', message: 'A password cannot be only spaces.' };
  if (confirmation === '') return { field: 'confirmation', message: 'Enter the new password again to confirm it.' };
  if (password !== confirmation) return { field: 'confirmation', message: 'The two passwords do not match.' };
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): FieldProblem<'email'> | null {
  if (isBlank(value)) return { field: 'email', message: 'Enter your email address.' };
  if (!EMAIL.test(value.trim())) return { field: 'email', message: 'Enter an email address like name@example.com.' };
  return null;
}

/** A code as typed or pasted (`123 456`, `123-456`), with the separators taken out. */
export function normalizeCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** An MFA code: only digits, `min` to `max` of them (6 for TOTP and SMS; email codes may have 8). */
export function checkMfaCode(value: string, digits: { min: number; max: number } = { min: 6, max: 6 }): FieldProblem<'code'> | null {
  const code = normalizeCode(value);
  const count = digits.min === digits.max ? `${digits.min}-digit` : `${digits.min}- to ${digits.max}-digit`;
  if (code === '') return { field: 'code', message: `Enter the ${count} code.` };
  if (!/^\d+$/.test(code)) return { field: 'code', message: `The code has only digits: enter the ${count} code.` };
  if (code.length < digits.min || code.length > digits.max) return { field: 'code', message: `Enter the ${count} code.` };
  return null;
}

/**
 * A confirmation or password-reset code: usually 6 digits, but a pool's custom message may send
 * something else, so any short code without spaces passes.
 */
export function checkConfirmationCode(value: string): FieldProblem<'code'> | null {
  const code = normalizeCode(value);
  if (code === '') return { field: 'code', message: 'Enter the code from the message we sent you.' };
  if (code.length > 64) return { field: 'code', message: 'That is not a code we sent. Check the message and try again.' };
  return null;
}
