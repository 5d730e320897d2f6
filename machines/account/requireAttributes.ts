import { AuthError } from '../AuthError.js';
import type { AttributeType } from '../cognito/cognitoWire.js';
import { requireText } from '../validateInput.js';

/** Cognito's limit for an attribute name (AttributeNameType); custom ones count the `custom:` prefix. */
const MAX_NAME_LENGTH = 32;

// Checks made before a request, as validateInput's are. Messages name attributes, never their
// values: values are personal data, and messages end up in logs and error reports.

export function requireAttributeName(value: unknown): string {
  const name = requireText(value, 'an attribute name');
  if (name.length > MAX_NAME_LENGTH) throw new AuthError('invalidRequest', `An attribute name has at most ${MAX_NAME_LENGTH} characters.`);
  return name;
}

/** Attributes to change, name → new value; values are sent as given (a value may hold spaces). */
export function requireAttributes(value: unknown): AttributeType[] {
  const entries = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
  if (entries.length === 0) throw new AuthError('invalidRequest', 'Give at least one attribute to change.');
  return entries.map(([rawName, Value]) => {
    const Name = requireAttributeName(rawName);
    if (typeof Value !== 'string') throw new AuthError('invalidRequest', `Give ${Name} a text value.`);
    return { Name, Value };
  });
}

/** Attribute names to delete, each once. */
export function requireAttributeNames(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new AuthError('invalidRequest', 'Give at least one attribute to delete.');
  return [...new Set(value.map(requireAttributeName))];
}
