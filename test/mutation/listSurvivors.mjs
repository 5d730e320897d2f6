// Lists the mutants of machines/ that survived, from Stryker's JSON reports, as Markdown lines
// grouped by file: `node test/mutation/listSurvivors.mjs [report.json ...]` (read as in
// scoreByFolder.mjs). The reasons in test/mutation/SURVIVORS.md are written by people; this gives
// them the list to start from, and shows what is new since.
import { readReports } from './readReports.mjs';

/** @typedef {{ status: string, mutatorName: string, replacement?: string, location: { start: { line: number, column: number } } }} Mutant */

const report = readReports(process.argv.slice(2));
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const lines = String(source).split('\n');
  const survivors = /** @type {Mutant[]} */ (mutants).filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage');
  if (survivors.length === 0) continue;
  console.log(`\n### ${file.replace(/^.*?machines\//, 'machines/')} (${survivors.length})\n`);
  for (const mutant of survivors.sort((a, b) => a.location.start.line - b.location.start.line)) {
    const { line, column } = mutant.location.start;
    const code = (lines[line - 1] ?? '').trim().slice(0, 90);
    const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
    console.log(`- ${line}:${column} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test reaches it)' : ''}: \`${code}\` → \`${replacement}\``);
  }
}
