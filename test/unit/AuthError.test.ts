import { describe, expect, it } from 'vitest';
import { AuthError, toAuthError } from '../../machines/index.js';

// The one error type an app catches: recognisable by name, serialisable without its cause.

describe('AuthError', () => {
  it('is recognisable by name, in a catch and in its JSON', () => {
    const error = new AuthError('network', 'offline');
    expect(error.name).toBe('AuthError');
    expect(String(error)).toBe('AuthError: offline');
    expect(error.toJSON()).toStrictEqual({ name: 'AuthError', code: 'network', message: 'offline', retryable: true });
  });

  it('carries a cause only when given one', () => {
    expect('cause' in new AuthError('unknown', 'no cause')).toBe(false);
    const cause = new TypeError('boom');
    expect(new AuthError('unknown', 'with cause', { cause }).cause).toBe(cause);
  });

  // Strict: a key present as undefined survives structured cloning (postMessage, the inspector)
  // and shows up in logs that list keys; unknown fields are left out, not set to undefined.
  it('says the operation and Cognito’s error name in its JSON when known, never the cause or status', () => {
    const error = new AuthError('invalidCredentials', 'Incorrect username or password.', {
      operation: 'InitiateAuth',
      cognitoName: 'NotAuthorizedException',
      status: 400,
      cause: new Error('secret detail'),
    });
    expect(error.toJSON()).toStrictEqual({
      name: 'AuthError',
      code: 'invalidCredentials',
      message: 'Incorrect username or password.',
      retryable: false,
      operation: 'InitiateAuth',
      cognitoName: 'NotAuthorizedException',
    });
    expect(new AuthError('timeout', 't', { operation: 'GetUser' }).toJSON()).toStrictEqual({ name: 'AuthError', code: 'timeout', message: 't', retryable: true, operation: 'GetUser' });
  });
});

describe('toAuthError', () => {
  it('keeps an AuthError as it is', () => {
    const error = new AuthError('network', 'offline');
    expect(toAuthError(error)).toBe(error);
  });

  it('wraps anything else as unknown, keeping what was thrown as the cause', () => {
    const thrown = new RangeError('bad delay');
    expect(toAuthError(thrown)).toMatchObject({ code: 'unknown', message: 'bad delay', retryable: false, cause: thrown });
    const odd = toAuthError('a string');
    expect(odd).toMatchObject({ code: 'unknown', message: 'Unexpected error' });
    expect(odd.cause).toBe('a string');
  });
});
