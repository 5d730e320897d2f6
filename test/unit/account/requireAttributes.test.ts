import { describe, expect, it } from 'vitest';
import { requireAttributeName, requireAttributes } from '../../../machines/account/requireAttributes.js';

// The checks made before an attribute request, on what an app written in JavaScript may pass.

describe('requireAttributes', () => {
  it.each([
    ['null', null],
    ['a list', ['email']],
    ['text', 'email'],
    ['nothing', {}],
  ])('refuses %s as no attributes to change', (_, value) => {
    expect(() => requireAttributes(value)).toThrow(expect.objectContaining({ code: 'invalidRequest', message: 'Give at least one attribute to change.' }));
  });

  it('takes name → text value pairs, names trimmed', () => {
    expect(requireAttributes({ ' email ': 'a@example.com' })).toEqual([{ Name: 'email', Value: 'a@example.com' }]);
  });
});

describe('requireAttributeName', () => {
  it("takes a name of Cognito's greatest length, 32 characters, and refuses one longer", () => {
    const longest = `custom:${'x'.repeat(25)}`;
    expect(requireAttributeName(longest)).toBe(longest);
    expect(() => requireAttributeName(`${longest}x`)).toThrow(expect.objectContaining({ code: 'invalidRequest', message: expect.stringContaining('32') }));
  });
});
