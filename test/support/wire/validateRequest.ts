import { MEMBER_SHAPES, SHAPE_CONSTRAINTS, type StringConstraint } from './publishedConstraints.js';
import { deref, enumOfMember, enumValues, operationSchema, type RawSchema } from './publishedModel.js';

// The SDK's schema codes (see @smithy/core's schema sentinels).
const LIST = 0b0100_0000;
const MAP = 0b1000_0000;
const STRING = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
/** A JSON document (the WebAuthn operations' Credential): any JSON is one. */
const DOCUMENT = 15;

/**
 * Checks one request body (what goes on the wire: JSON, undefined members gone) against
 * Cognito's published model. Returns the first violation, or null. Messages name the operation,
 * the member path and the rule, never a value (values are passwords, codes and tokens), except an
 * enum value, which is one of the model's own words or a typo of one.
 */
export function validateRequest(operation: string, body: unknown): string | null {
  const schema = operationSchema(operation);
  if (!schema) return `${operation}: not an operation of Cognito's user-pool API`;
  return checkValue(body, schema.input, operation, { name: undefined });
}

/** Where a value sits: the shape that names it, for enums and constraints. */
interface Place {
  /** `Structure.Member`, when the value is a structure member. */
  name: string | undefined;
}

function checkValue(value: unknown, raw: RawSchema, path: string, place: Place): string | null {
  const schema = deref(raw);
  if (typeof schema === 'number') return checkSimple(value, schema, path, place);
  const [kind, , name] = schema as [number, string, string];
  switch (kind) {
    case 0:
      // A named simple shape (ClientIdType, SessionType…): its name finds its constraints.
      return checkSimple(value, deref(schema[4]) as number, path, { name: place.name }, name);
    case 1:
      return checkList(value, schema[4], path);
    case 2:
      return checkMap(value, schema[5], path);
    case 3:
      return checkStructure(value, schema, path);
    default:
      return `${path}: the model's schema kind ${kind} is not understood by this check`;
  }
}

function checkStructure(value: unknown, schema: readonly unknown[], path: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: must be an object`;
  const structure = schema[2] as string;
  const names = schema[4] as string[];
  const members = schema[5] as unknown[];
  const requiredCount = (schema[6] as number | undefined) ?? 0;
  for (const required of names.slice(0, requiredCount)) {
    if (!(required in value)) return `${path}: required member ${required} is missing`;
  }
  for (const [member, memberValue] of Object.entries(value)) {
    const index = names.indexOf(member);
    if (index === -1) return `${path}: ${member} is not a member of ${structure}`;
    const problem = checkValue(memberValue, members[index] as RawSchema, `${path}.${member}`, { name: `${structure}.${member}` });
    if (problem) return problem;
  }
  return null;
}

function checkList(value: unknown, member: unknown, path: string): string | null {
  if (!Array.isArray(value)) return `${path}: must be a list`;
  for (const [index, item] of value.entries()) {
    const problem = checkValue(item, member as RawSchema, `${path}[${index}]`, { name: undefined });
    if (problem) return problem;
  }
  return null;
}

function checkMap(value: unknown, member: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: must be a map`;
  for (const [key, item] of Object.entries(value)) {
    const problem = checkValue(item, member as RawSchema, `${path}.${key}`, { name: undefined });
    if (problem) return problem;
  }
  return null;
}

function checkSimple(value: unknown, code: number, path: string, place: Place, shapeName?: string): string | null {
  if (code & LIST) return checkList(value, code & ~LIST, path);
  if (code & MAP) return checkMap(value, code & ~MAP, path);
  switch (code) {
    case STRING:
      return checkString(value, path, place, shapeName);
    case NUMERIC:
      return typeof value === 'number' && Number.isFinite(value) ? null : `${path}: must be a number`;
    case BOOLEAN:
      return typeof value === 'boolean' ? null : `${path}: must be true or false`;
    case DOCUMENT:
      return null;
    default:
      return `${path}: type code ${code} is not one authchart should send`;
  }
}

function checkString(value: unknown, path: string, place: Place, shapeName: string | undefined): string | null {
  if (typeof value !== 'string') return `${path}: must be a string`;
  const enumName = place.name ? enumOfMember(...(place.name.split('.') as [string, string])) : undefined;
  if (enumName) {
    const allowed = enumValues(enumName)!;
    if (!allowed.includes(value)) return `${path}: "${value.slice(0, 40)}" is not a ${enumName} (${allowed.join(', ')})`;
  }
  const shape = shapeName ?? (place.name ? MEMBER_SHAPES[place.name] : undefined);
  const constraint = shape ? SHAPE_CONSTRAINTS[shape] : undefined;
  return constraint ? checkConstraint(value, constraint, path, shape!) : null;
}

function checkConstraint(value: string, constraint: StringConstraint, path: string, shape: string): string | null {
  // Smithy counts length in Unicode code points.
  const length = [...value].length;
  if (constraint.min !== undefined && length < constraint.min) return `${path}: shorter than ${shape}'s minimum of ${constraint.min}`;
  if (constraint.max !== undefined && length > constraint.max) return `${path}: longer than ${shape}'s maximum of ${constraint.max}`;
  if (constraint.pattern !== undefined && !new RegExp(constraint.pattern, 'u').test(value)) {
    return `${path}: does not match ${shape}'s pattern ${constraint.pattern}`;
  }
  return null;
}
