import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
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

/** How many steps `down` takes from `copy` to the cut-off marker; null if it ends anywhere else. */
function levelsToCut(copy: unknown, down: (value: unknown) => unknown): number | null {
  let value = copy;
  let levels = 0;
  while (typeof value === 'object' && value !== null) {
    value = down(value);
    levels += 1;
  }
  return value === '[…]' ? levels : null;
}

class Port {}

class Lazy {
  // A new value on every call, so only the depth limit ends it (a cycle check never sees it twice).
  toJSON() {
    return { child: new Lazy() };
  }
}

function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = wrap(value);
  return value;
}

describe('redactValue', () => {
  it.each(SECRET_KEYS)('hides the value under %s, whatever it looks like', (key) => {
    expect(redactValue({ [key]: 'plain-looking-value', [`${key}Hint`]: 'shown' })).toEqual({ [key]: '[redacted]', [`${key}Hint`]: 'shown' });
  });

  it('keeps a missing secret missing: null and undefined say nothing', () => {
    expect(redactValue({ password: null, refreshToken: undefined })).toEqual({ password: null, refreshToken: undefined });
  });

  it.each([
    ['an event', { type: 'SUBMIT_MFA_CODE', code: '123456' }, { type: 'SUBMIT_MFA_CODE', code: '[redacted]' }],
    ['a redirect answer', { kind: 'code', code: 'abc' }, { kind: 'code', code: '[redacted]' }],
    // An AuthError's code names the failure: redacting it would hide why a sign-in failed.
    ['an error (stays readable)', { name: 'AuthError', code: 'codeMismatch' }, { name: 'AuthError', code: 'codeMismatch' }],
  ])('hides the `code` of %s', (_what, value, shown) => {
    expect(redactValue(value)).toEqual(shown);
  });

  it('replaces anything shaped like a token, under any key and in arrays', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    expect(redactValue({ note: `Bearer ${jwt}`, list: [jwt, 1, true, null] })).toEqual({
      note: 'Bearer [redacted token]',
      list: ['[redacted token]', 1, true, null],
    });
  });

  it.each([
    ['drops a function', { run: () => 1 }, { run: undefined }],
    ['drops a symbol', { tag: Symbol('x') }, { tag: undefined }],
    // The ports hold storage and transports: nothing to show, and possibly tokens inside.
    ['leaves out the ports', { ports: { storage: {} }, clientId: 'c' }, { clientId: 'c' }],
    ['names an instance by its class', { port: new Port() }, { port: '[Port]' }],
    ['names an instance without a constructor as an object, without throwing', { orphan: Object.create(Object.create(null) as object) as object }, { orphan: '[object]' }],
    ['copies an object without a prototype as a plain one', { bare: Object.assign(Object.create(null) as object, { x: 1 }) }, { bare: { x: 1 } }],
    // An AuthError's toJSON leaves its cause out: a cause can hold the request that failed.
    [
      'shows an error as its toJSON',
      { error: new AuthError('timeout', 'Too slow.', { operation: 'InitiateAuth', cause: { RefreshToken: 'r' } }) },
      { error: { name: 'AuthError', code: 'timeout', message: 'Too slow.', retryable: true, operation: 'InitiateAuth' } },
    ],
    // An app's own actor can fail with any error: what failed stays readable, the rest is left out.
    [
      'shows an error without toJSON by its name only: its message may quote a secret',
      { error: Object.assign(new TypeError('refused session AYABeD1x2y3z4secret', { cause: { RefreshToken: 'r' } }), { request: { password: 'p' } }) },
      { error: { name: 'TypeError' } },
    ],
    ['shows a DOMException (its message is the runtime\'s) by name and message', { error: new DOMException('The operation was aborted.', 'AbortError') }, { error: { name: 'AbortError', message: 'The operation was aborted.' } }],
  ])('%s', (_what, value, shown) => {
    expect(redactValue(value)).toEqual(shown);
  });

  it('cuts a cycle where it closes', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'a', self: '[…]' });
  });

  // Deeper than ten levels is cut, so inspecting a deep or endless value never overflows the stack.
  it.each([
    ['objects', nested(20, (inner) => ({ next: inner })), (value: unknown) => (value as { next: unknown }).next, 11],
    ['arrays', nested(20, (inner) => [inner]), (value: unknown) => (value as unknown[])[0], 11],
    // A value and what its toJSON gives count a level each: two per step down.
    ['values whose toJSON makes a new value each time', new Lazy(), (value: unknown) => (value as { child: unknown }).child, 5],
  ])('cuts nested %s below ten levels', (_what, value, down, steps) => {
    expect(levelsToCut(redactValue(value), down)).toBe(steps);
  });
});
