// `npm run bench:size [-- --check]`: the size table alone. With --check, builds only authchart's
// own budgeted bundles (library, demo app), needs no comparison packages, and exits 1 when a
// budget is exceeded (CI).
import { ensureBenchDeps } from './ensureBenchDeps.js';
import { formatSizeTable, kB } from './formatReport.js';
import { measureSizes } from './size/measureSizes.js';

const check = process.argv.includes('--check');
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

if (!check) await ensureBenchDeps(log);
const rows = await measureSizes({ check, log });
process.stdout.write(`${formatSizeTable(rows)}\n`);
const over = rows.filter((row) => row.withinBudget === false);
for (const row of over) {
  log(`size budget exceeded: ${row.id} is ${kB(row.initial.gzip)} gzip, budget ${kB(/** @type {number} */ (row.budgetGzip))}`);
}
if (check) log(over.length === 0 ? 'size budgets: all within' : `size budgets: ${over.length} exceeded`);
process.exitCode = check && over.length > 0 ? 1 : 0;
