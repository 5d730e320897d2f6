import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';

/**
 * Cognito's published API model as the AWS SDK v3 package ships it: the operation and shape
 * schemas (`InitiateAuth$`, `InitiateAuthRequest$`…), the enums, and what its generated
 * declarations say (which member is which enum; which errors each operation lists).
 */

/** A schema as the SDK encodes it: a number for simple types, an array for named shapes. */
export type RawSchema = number | readonly unknown[];

const exports = sdk as unknown as Record<string, unknown>;
const sdkRoot = dirname(dirname(createRequire(import.meta.url).resolve('@aws-sdk/client-cognito-identity-provider')));

/** `[9, namespace, name, traits, input, output]` for an operation the service has, else undefined. */
export function operationSchema(operation: string): { input: RawSchema; output: RawSchema } | undefined {
  const schema = exports[`${operation}$`];
  if (!Array.isArray(schema) || schema[0] !== 9) return undefined;
  return { input: deref(schema[4]), output: deref(schema[5]) };
}

/** Follows the lazy references (`() => Shape$`) and member wrappers (`[ref, traits]`). */
export function deref(schema: unknown): RawSchema {
  if (typeof schema === 'function') return deref(schema());
  if (Array.isArray(schema) && schema.length === 2 && typeof schema[0] !== 'number') return deref(schema[0]);
  return schema as RawSchema;
}

/** Enums are the package's exports that are plain objects of strings (`AuthFlowType`…). */
export function enumValues(name: string): readonly string[] | undefined {
  const value = exports[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => typeof v === 'string') ? values : undefined;
}

let enumMembers: Map<string, string> | undefined;

/**
 * `Structure.Member` → enum name. The schema types an enum as a plain string; the generated
 * declarations keep the link (`AuthFlow: AuthFlowType | undefined`).
 */
export function enumOfMember(structure: string, member: string): string | undefined {
  enumMembers ??= readEnumMembers();
  return enumMembers.get(`${structure}.${member}`);
}

function readEnumMembers(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ['models_0.d.ts', 'models_1.d.ts']) {
    const text = readFileSync(join(sdkRoot, 'dist-types', 'models', file), 'utf8');
    for (const [, name, body] of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
      for (const [, member, type] of body!.matchAll(/^ {4}(\w+)\??: \(?(\w+)\)?(?:\[\])? \| undefined;$/gm)) {
        if (enumValues(type!)) found.set(`${name}.${member}`, type!);
      }
    }
  }
  return found;
}

/** The errors an operation lists (`@throws` in its generated command), without the base class. */
export function operationErrors(operation: string): string[] {
  const text = readFileSync(join(sdkRoot, 'dist-types', 'commands', `${operation}Command.d.ts`), 'utf8');
  const names = [...text.matchAll(/@throws \{@link (\w+)\}/g)].map(([, name]) => name!);
  return names.filter((name) => name !== 'CognitoIdentityProviderServiceException');
}
