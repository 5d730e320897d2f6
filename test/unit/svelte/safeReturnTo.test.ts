import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../../src/lib/index.js';

const ORIGIN = 'https://app.example.com';

describe('safeReturnTo', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/account?tab=security#mfa', '/account?tab=security#mfa'],
    ['/notes/../account', '/account'],
    ['/a%2F%2Fb', '/a%2F%2Fb'],
    ['/search?q=https://evil.example', '/search?q=https://evil.example'],
  ])('accepts the same-origin path %s', (value, expected) => {
    expect(safeReturnTo(value, ORIGIN)).toBe(expected);
  });

  it.each([
    ['an absolute URL to another site', 'https://evil.example'],
    ['an absolute URL to this site', 'https://app.example.com/dashboard'],
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/dashboard'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'dashboard'],
    ['a tab that URL parsing drops', '/\t/evil.example'],
    ['a newline that URL parsing drops', '/\n/evil.example'],
    ['a leading space', ' /dashboard'],
    ['a path that normalises to //host', '/..//evil.example'],
    ['a dot segment before //', '/.//evil.example'],
    ['an empty string', ''],
    ['a very long path', `/${'a'.repeat(5000)}`],
  ])('refuses %s', (_, value) => {
    expect(safeReturnTo(value, ORIGIN)).toBeNull();
  });

  it.each([[null], [undefined], [42], [true], [{ toString: () => '/dashboard' }]])('refuses the non-string %s', (value) => {
    expect(safeReturnTo(value, ORIGIN)).toBeNull();
  });

  it('refuses everything when the origin is not a URL', () => {
    expect(safeReturnTo('/dashboard', 'not a url')).toBeNull();
  });
});
