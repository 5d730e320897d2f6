/**
 * A template value as CloudFormation would resolve it at deploy time, for the intrinsics the
 * stack uses in strings (Ref, Fn::GetAtt, Fn::Join), with the deploy-time values given by the test.
 * @param refs  logical id (or pseudo parameter, or `Logical.Attribute`) → value
 */
export function resolveIntrinsics(value: unknown, refs: Record<string, string>): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [name, argument] = Object.entries(value)[0] ?? [];
    if (name === 'Ref') return lookup(refs, String(argument));
    if (name === 'Fn::GetAtt' && Array.isArray(argument)) return lookup(refs, argument.join('.'));
    if (name === 'Fn::Join' && Array.isArray(argument)) {
      const [separator, parts] = argument as [string, unknown[]];
      return parts.map((part) => resolveIntrinsics(part, refs)).join(separator);
    }
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

function lookup(refs: Record<string, string>, key: string): string {
  const value = refs[key];
  if (value === undefined) throw new Error(`no value given for ${key}`);
  return value;
}
