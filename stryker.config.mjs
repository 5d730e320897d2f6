// Mutation testing of the core (issue 20): `npm run test:mutation`. Not part of .ci/run (too slow).
// A mutant is a small plausible bug put into machines/; the suite should fail on it. Survivors
// that cannot be killed are listed with a reason in test/mutation/SURVIVORS.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'machines/**/*.ts',
    '!machines/**/*.d.ts',
    // A dev tool: `npm run statechart` draws the README's chart with it; not exported, never
    // shipped to an app.
    '!machines/toMermaid.ts',
  ],
  testRunner: 'vitest',
  // The node project without the tests that need cognito-local or real time: see that file.
  vitest: { configFile: 'test/mutation/vitest.config.ts' },
  // Each mutant runs only the tests that reached it; mutants that run while modules load (the
  // machine's definition) run every test of the files that import them.
  coverageAnalysis: 'perTest',
  // Static mutants (42 % of them, ~1,850) are those in code that runs once, at import: the chart's
  // definition (states/, authMachine.ts), tables and constants. Stryker must rerun every test of
  // every file importing them for each one: ~15 s a mutant here, 7–8 hours on 2 cores. They are
  // reported as "Ignored", not hidden. The model tests walk every transition of that definition;
  // `npm run test:mutation -- --ignoreStatic false` (a night's run) measures them too.
  ignoreStatic: true,
  // Two cores, shared: one test runner by default (`-- --concurrency 2` on a quiet machine).
  concurrency: 1,
  // A busy machine makes slow tests look like infinite loops; give them room.
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 15,
  // Results are kept in reports/ and reused: only mutants whose code or tests changed run again.
  // `-- --force` runs them all.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // The summary only: the survivors are in the HTML report (and test/mutation/SURVIVORS.md).
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  // Only what the tests need goes into the sandbox: not the examples, bench or builds (~300 MB).
  ignorePatterns: ['/dist', '/examples', '/bench', '/test-results', '/.scratch', '/.cognito', '/reports', '*.tgz', '/test/e2e', '/test/examples'],
  thresholds: { high: 90, low: 85, break: null },
};
