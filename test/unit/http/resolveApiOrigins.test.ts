import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { isSecureOrLoopback, resolveApiOrigins } from '../../../machines/http/resolveApiOrigins.js';

// Which origins receive the session's token: a mistake here sends tokens where they must not go.
describe('isSecureOrLoopback', () => {
  it.each([
    ['https://api.example.com', true],
    ['https://localhost:8443', true],
    ['http://localhost:5173', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.10.20.30', true],
    ['http://[::1]:3000', true],
    ['http://api.example.com', false],
    ['http://localhost.example.com', false],
    ['http://mylocalhost', false],
    ['http://127.0.0.1.example.com', false],
    ['http://128.0.0.1', false],
    ['http://10.0.0.1', false],
    ['http://[::2]', false],
    ['ftp://localhost', false],
    ['ws://localhost', false],
  ])('%s → %s', (url, expected) => {
    expect(isSecureOrLoopback(new URL(url))).toBe(expected);
  });
});

describe('resolveApiOrigins', () => {
  it("defaults to the page's own origin when it is https or loopback", () => {
    expect([...resolveApiOrigins(undefined, 'https://app.example.com')]).toEqual(['https://app.example.com']);
    expect([...resolveApiOrigins(undefined, 'http://localhost:5173')]).toEqual(['http://localhost:5173']);
  });

  it('defaults to no origin at all for a plain-http page, or where there is no page (SSR, workers)', () => {
    expect([...resolveApiOrigins(undefined, 'http://app.example.com')]).toEqual([]);
    expect([...resolveApiOrigins(undefined, undefined)]).toEqual([]);
  });

  it('keeps only the origin of each configured URL, and an empty list means none', () => {
    expect([...resolveApiOrigins(['https://api.example.com/v1/notes?x=1', 'http://127.0.0.1:8080/'], 'https://app.example.com')]).toEqual([
      'https://api.example.com',
      'http://127.0.0.1:8080',
    ]);
    expect([...resolveApiOrigins([], 'https://app.example.com')]).toEqual([]);
  });

  it.each([
    ['not a URL', 'api.example.com', /"api.example.com" is not a URL/],
    ['plain http off loopback', 'http://api.example.com/v1', /"http:\/\/api.example.com" must use https/],
  ])('refuses %s, naming it', (_, origin, message) => {
    let error: unknown;
    try {
      resolveApiOrigins([origin], undefined);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('invalidConfig');
    expect((error as AuthError).message).toMatch(message);
  });
});
