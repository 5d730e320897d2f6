// `npm run bench:size [-- --check | --ceiling]`: the size table alone. Both flags build only
// authchart's own bundles (library, demo app), need no comparison packages, and exit 1:
//   --check    when a bundle is over its budget (the target the founders set);
//   --ceiling  when a bundle grew past its ceiling (today's size plus a little; what CI runs,
//              so that growth is a decision made in review, never an accident).
import { ensureBenchDeps } from './ensureBenchDeps.js';
import { formatSizeTable, kB } from './formatReport.js';
import { measureSizes } from './size/measureSizes.js';

const check = process.argv.includes('--check');
const ceiling = process.argv.includes('--ceiling');
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

if (!check && !ceiling) await ensureBenchDeps(log);
const rows = await measureSizes({ ownOnly: check || ceiling, log });
process.stdout.write(`${formatSizeTable(rows)}\n`);

const overBudget = rows.filter((row) => row.withinBudget === false);
// A ceiling run (CI) only speaks of ceilings; the table shows the budgets.
for (const row of ceiling && !check ? [] : overBudget) {
  log(`size budget exceeded: ${row.id} is ${kB(row.budgetedGzip)} gzip, budget ${kB(/** @type {number} */ (row.budgetGzip))}`);
}
const overCeiling = rows.filter((row) => row.withinCeiling === false);
for (const row of overCeiling) {
  log(
    `size ceiling exceeded: ${row.id} is ${kB(row.budgetedGzip)} gzip, ceiling ${kB(/** @type {number} */ (row.ceilingGzip))}` +
      ' (raise it in bench/size/sizeTargets.js only on purpose)',
  );
}
if (check) log(overBudget.length === 0 ? 'size budgets: all within' : `size budgets: ${overBudget.length} exceeded`);
if (ceiling) log(overCeiling.length === 0 ? 'size ceilings: all within' : `size ceilings: ${overCeiling.length} exceeded`);
process.exitCode = (check && overBudget.length > 0) || (ceiling && overCeiling.length > 0) ? 1 : 0;
