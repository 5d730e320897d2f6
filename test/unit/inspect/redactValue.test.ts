import { describe, expect, it } from 'vitest';
import { redactValue } from '../../../machines/inspect/redactValue.js';

// Each key below carries a secret in Cognito's API or in authchart's events and context: one
// forgotten key is one secret in an inspector or a log.
const SECRET_KEYS = [
  'idToken', 'accessToken', 'refreshToken', 'IdToken', 'AccessToken', 'RefreshToken', 'REFRESH_TOKEN', 'Token', 'Session',
  'challengeSession', 'secretCode', 'SecretCode', 'otpauthUri', 'ConfirmationCode', 'UserCode', 'answer', 'ANSWER',
  'verifier', 'code_verifier',
  // By pattern: any password, any Cognito *_CODE.
  'password', 'newPassword', 'PreviousPassword', 'NEW_PASSWORD', 'SMS_MFA_CODE', 'SOFTWARE_TOKEN_MFA_CODE', 'email_code',
];

describe('redactValue', () => {
  it.each(SECRET_KEYS)('hides the value under %s, whatever it looks like', (key) => {
    expect(redactValue({ [key]: 'plain-looking-value', [`${key}Hint`]: 'shown' })).toEqual({ [key]: '[redacted]', [`${key}Hint`]: 'shown' });
  });

  it('keeps a missing secret missing: null and undefined say nothing', () => {
    expect(redactValue({ password: null, refreshToken: undefined })).toEqual({ password: null, refreshToken: undefined });
  });

  it("hides an event's or a redirect answer's `code`, not an error's", () => {
    expect(redactValue({ type: 'SUBMIT_MFA_CODE', code: '123456' })).toEqual({ type: 'SUBMIT_MFA_CODE', code: '[redacted]' });
    expect(redactValue({ kind: 'code', code: 'abc' })).toEqual({ kind: 'code', code: '[redacted]' });
    expect(redactValue({ name: 'AuthError', code: 'codeMismatch' })).toEqual({ name: 'AuthError', code: 'codeMismatch' });
  });

  it('replaces anything shaped like a token, under any key and in arrays', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(redactValue({ note: `Bearer ${jwt}`, list: [jwt, 1, true, null] })).toEqual({
      note: 'Bearer [redacted token]',
      list: ['[redacted token]', 1, true, null],
    });
  });

  it('drops functions, symbols and the ports; shows instances by class, dates and errors by toJSON', () => {
    class Port {}
    const date = new Date(Date.UTC(2026, 0, 1));
    const withJson = Object.assign(Object.create({ toJSON: () => ({ shown: true }) }) as object, {});
    expect(
      redactValue({ run: () => 1, tag: Symbol('x'), ports: { storage: {} }, port: new Port(), at: date, custom: withJson, bare: Object.create(null) }),
    ).toEqual({ run: undefined, tag: undefined, port: '[Port]', at: '2026-01-01T00:00:00.000Z', custom: { shown: true }, bare: {} });
  });

  it('cuts cycles and anything deeper than ten levels', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'a', self: '[…]' });

    let deep: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 11; level++) deep = { next: deep };
    let copy = redactValue(deep) as Record<string, unknown>;
    for (let level = 0; level < 10; level++) copy = copy.next as Record<string, unknown>;
    expect(copy).toEqual({ next: '[…]' });

    const shared = { x: 1 };
    // Seen once already: a second path to the same object is cut too (never expanded twice).
    expect(redactValue({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: '[…]' });
  });
});
