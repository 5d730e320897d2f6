import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBundle } from './buildBundle.js';
import { sizeOf } from './sizeOf.js';
import { SIZE_TARGETS } from './sizeTargets.js';

/**
 * @typedef {import('./sizeOf.js').ByteSizes} ByteSizes
 * @typedef {object} SizeRow
 * @property {string} id
 * @property {string} label
 * @property {ByteSizes} initial       the JS loaded at start (entry + its static imports)
 * @property {ByteSizes | null} lazy   chunks loaded later by dynamic import, if any
 * @property {string[]} files
 * @property {number} budgetedGzip    what the budget and ceiling apply to: the initial gzip size, less the
 *   base bundle's for a part measured on top of it (`partOf`)
 * @property {number | null} budgetGzip
 * @property {number | null} goalGzip
 * @property {boolean | null} withinBudget
 * @property {number | null} ceilingGzip
 * @property {boolean | null} withinCeiling
 * @property {{ raw: number, gzip: number, brotli: number } | null} ratioToAmplify  initial sizes ÷ Amplify's
 */

/**
 * Builds each target and measures it. `ownOnly` builds only authchart's own budgeted bundles
 * (the library and the demo app), which need no comparison packages.
 * @param {{ ownOnly?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<SizeRow[]>}
 */
export async function measureSizes(options = {}) {
  const targets = SIZE_TARGETS.filter((target) => !options.ownOnly || target.budgetGzip !== undefined);
  /** @type {SizeRow[]} */
  const rows = [];
  for (const target of targets) {
    if (target.needsExample && !existsSync(fileURLToPath(new URL(target.needsExample, import.meta.url)))) {
      // The example installs the packed tarball: `.ci/run` does that before measuring.
      options.log?.(`size: skipped ${target.id}: run \`npm run package && npm run examples\` first`);
      continue;
    }
    const started = performance.now();
    const chunks = await buildBundle({
      ...(target.entry ? { input: fileURLToPath(new URL(target.entry, import.meta.url)) } : {}),
      ...(target.env ? { env: target.env } : {}),
    });
    const initial = sizeOf(chunks.filter((chunk) => chunk.initial).map((chunk) => chunk.code));
    const lazyChunks = chunks.filter((chunk) => !chunk.initial);
    rows.push({
      id: target.id,
      label: target.label,
      initial,
      budgetedGzip: initial.gzip,
      lazy: lazyChunks.length > 0 ? sizeOf(lazyChunks.map((chunk) => chunk.code)) : null,
      files: chunks.map((chunk) => `${chunk.fileName}${chunk.initial ? '' : ' (lazy)'}`),
      budgetGzip: target.budgetGzip ?? null,
      goalGzip: target.goalGzip ?? null,
      withinBudget: target.budgetGzip === undefined ? null : initial.gzip <= target.budgetGzip,
      ceilingGzip: target.ceilingGzip ?? null,
      withinCeiling: target.ceilingGzip === undefined ? null : initial.gzip <= target.ceilingGzip,
      ratioToAmplify: null,
    });
    options.log?.(`size: built ${target.id} in ${Math.round(performance.now() - started)} ms`);
  }
  for (const target of targets.filter((target) => target.partOf)) {
    const row = rows.find((candidate) => candidate.id === target.id);
    const base = rows.find((candidate) => candidate.id === target.partOf);
    if (!row || !base) continue;
    row.budgetedGzip = row.initial.gzip - base.initial.gzip;
    row.withinBudget = row.budgetGzip === null ? null : row.budgetedGzip <= row.budgetGzip;
    row.withinCeiling = row.ceilingGzip === null ? null : row.budgetedGzip <= row.ceilingGzip;
  }
  const amplify = rows.find((row) => row.id === 'amplify');
  if (amplify) {
    for (const row of rows) {
      row.ratioToAmplify = {
        raw: row.initial.raw / amplify.initial.raw,
        gzip: row.initial.gzip / amplify.initial.gzip,
        brotli: row.initial.brotli / amplify.initial.brotli,
      };
    }
  }
  return rows;
}
