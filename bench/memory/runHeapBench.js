// Entry of the heap bench's own process: `node --expose-gc bench/memory/runHeapBench.js`.
// Prints one JSON line (HeapGrowthResult) on stdout.
import { importTs } from '../importTs.js';

/** @type {typeof import('./measureHeapGrowth.ts')} */
const { measureHeapGrowth } = await importTs('./memory/measureHeapGrowth.ts');
process.stdout.write(`${JSON.stringify(await measureHeapGrowth())}\n`);
