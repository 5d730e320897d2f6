// Reads Stryker's JSON reports as one: a full run writes one report, but on this 2-core machine
// machines/ is measured folder by folder (see CONTRIBUTING.md), each run with a report of its own.
import { readFileSync, statSync } from 'node:fs';

/**
 * @param {string[]} paths the reports, in any order; none means the full run's report
 * @returns {{ files: Record<string, { source: string, mutants: object[] }> }}
 */
export function readReports(paths) {
  /** @type {Record<string, { source: string, mutants: object[] }>} */
  const files = {};
  const byAge = [...paths].sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  for (const path of byAge.length > 0 ? byAge : ['reports/mutation/mutation.json']) {
    // A file measured again by a later run (a report written later) replaces the earlier result, whole.
    Object.assign(files, JSON.parse(readFileSync(path, 'utf8')).files);
  }
  return { files };
}
