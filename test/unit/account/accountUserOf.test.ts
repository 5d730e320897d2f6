import { describe, expect, it } from 'vitest';
import { accountUserOf } from '../../../machines/account/accountUserOf.js';

// GetUser's answer as the app reads it, straight from the shapes in Cognito's API reference,
// including the odd ones the model allows (every member is optional there).

describe('accountUserOf', () => {
  it('refuses an answer without a username as invalidResponse from GetUser, saying what is missing', () => {
    expect(() => accountUserOf({ UserAttributes: [] } as never)).toThrow(
      expect.objectContaining({ code: 'invalidResponse', operation: 'GetUser', message: expect.stringContaining('no username') }),
    );
  });

  it('skips an attribute without a name, and reads one without a value as empty', () => {
    const user = accountUserOf({ Username: 'alice', UserAttributes: [{ Name: 'email', Value: 'a@example.com' }, { Value: 'orphan' } as never, { Name: 'nickname' }] });
    expect(user.attributes).toEqual({ email: 'a@example.com', nickname: '' });
  });

  it('a user without attributes or MFA settings has none', () => {
    expect(accountUserOf({ Username: 'alice' } as never)).toEqual({ username: 'alice', attributes: {}, mfa: { enabled: [], preferred: null } });
  });
});
