// Reads Stryker's JSON reports as one: a full run writes one report, but on this 2-core machine
// machines/ is measured folder by folder (see CONTRIBUTING.md), each run with a report of its own.
import { readFileSync } from 'node:fs';

/**
 * @param {string[]} paths the reports, oldest first; none means the full run's report
 * @returns {{ files: Record<string, { source: string, mutants: object[] }> }}
 */
export function readReports(paths) {
  /** @type {Record<string, { source: string, mutants: object[] }>} */
  const files = {};
  for (const path of paths.length > 0 ? paths : ['reports/mutation/mutation.json']) {
    // A file measured again by a later run replaces the earlier result, whole.
    Object.assign(files, JSON.parse(readFileSync(path, 'utf8')).files);
  }
  return { files };
}
