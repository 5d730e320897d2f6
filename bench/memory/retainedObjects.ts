import { readFile } from 'node:fs/promises';

/** What a heap snapshot holds that the program made: not compiled code, maps or V8's own tables. */
const PROGRAM_NODE_TYPES = new Set([
  'object',
  'closure',
  'array',
  'string',
  'concatenated string',
  'sliced string',
  'regexp',
  'number',
  'native',
  'symbol',
  'bigint',
]);

interface HeapSnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Counts the live objects (and their own bytes) of the program in a V8 heap snapshot file. */
export async function retainedObjects(snapshotPath: string): Promise<{ count: number; bytes: number }> {
  const snapshot = JSON.parse(await readFile(snapshotPath, 'utf8')) as HeapSnapshotFile;
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeField = fields.indexOf('type');
  const sizeField = fields.indexOf('self_size');
  let count = 0;
  let bytes = 0;
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    if (!PROGRAM_NODE_TYPES.has(typeNames[snapshot.nodes[index + typeField]!]!)) continue;
    count += 1;
    bytes += snapshot.nodes[index + sizeField]!;
  }
  return { count, bytes };
}
