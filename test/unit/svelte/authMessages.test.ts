import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { AUTH_ERROR_MESSAGES, authErrorMessage, NOTICE_MESSAGES, SESSION_END_MESSAGES } from '../../../src/lib/index.js';

describe('auth messages', () => {
  it('has a distinct sentence for every AuthError code', () => {
    const messages = Object.values(AUTH_ERROR_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('maps an AuthError by its code, never by its message', () => {
    const error = new AuthError('invalidCredentials', 'NotAuthorizedException: something internal');
    expect(authErrorMessage(error)).toBe('Incorrect username or password.');
  });

  it('says something readable for anything else that was thrown', () => {
    expect(authErrorMessage(new TypeError('Failed to fetch eyJhbGciOi.secret.part'))).toBe(AUTH_ERROR_MESSAGES.unknown);
    expect(authErrorMessage('boom')).toBe(AUTH_ERROR_MESSAGES.unknown);
  });

  it('has a sentence for every reason a session ends', () => {
    for (const message of Object.values(SESSION_END_MESSAGES)) expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('has a sentence for every notice an account step leaves', () => {
    const messages = Object.values(NOTICE_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('says plainly when the user pool service lacks an operation', () => {
    const error = new AuthError('unsupportedOperation', 'ResendConfirmationCode is not supported: CognitoLocal#Unsupported');
    expect(authErrorMessage(error)).toBe('That is not supported by this user pool service.');
  });
});
