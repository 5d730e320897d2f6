// Prints the mutation score of machines/ per folder from Stryker's JSON reports:
// `node test/mutation/scoreByFolder.mjs [report.json ...]` (default reports/mutation/mutation.json).
// Several reports, from runs scoped to different folders, are read as one; where two hold the same
// file, the one written last counts. Static mutants are skipped by the default run (see
// stryker.config.mjs) and counted apart, as "ignored".
import { readReports } from './readReports.mjs';

/** @typedef {{ Killed: number, Timeout: number, Survived: number, NoCoverage: number, Ignored: number, other: number }} Row */

const report = readReports(process.argv.slice(2));
/** @type {Map<string, Row>} */
const rows = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const parts = file.replace(/^.*?machines\//, '').split('/');
  const folder = parts.length > 1 ? `machines/${parts[0]}/` : 'machines/ (top level)';
  const row = rows.get(folder) ?? { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  for (const { status } of /** @type {{ status: string }[]} */ (mutants)) {
    if (status in row) row[/** @type {keyof Row} */ (status)] += 1;
    else row.other += 1;
  }
  rows.set(folder, row);
}
/** @type {Row} */
const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
const score = (/** @type {Row} */ row) => {
  const detected = row.Killed + row.Timeout;
  const valid = detected + row.Survived + row.NoCoverage;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
};
console.log('| folder | killed | survived | no coverage | timeout | score | ignored (static) | errors |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [folder, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const key of /** @type {(keyof Row)[]} */ (Object.keys(total))) total[key] += row[key];
  console.log(`| ${folder} | ${row.Killed} | ${row.Survived} | ${row.NoCoverage} | ${row.Timeout} | ${score(row)} | ${row.Ignored} | ${row.other} |`);
}
console.log(`| **machines/** | ${total.Killed} | ${total.Survived} | ${total.NoCoverage} | ${total.Timeout} | **${score(total)}** | ${total.Ignored} | ${total.other} |`);
