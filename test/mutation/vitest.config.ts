import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The model tests first: they walk every transition of the chart, so a mutant of the chart's
 * definition (a "static" mutant, run with every test that imports it) usually fails there, and
 * Stryker stops at the first failure.
 */
class ModelFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isModel = (file: TestSpecification) => file.moduleId.includes('/test/model/');
    return [...sorted.filter(isModel), ...sorted.filter((file) => !isModel(file))];
  }
}

// The tests StrykerJS runs against each mutant of machines/ (see stryker.config.mjs): the `node`
// project of vitest.config.ts without what needs the outside world or real time. Left out:
// - test/integration/** but hostedUi: they need cognito-local (started by the node project's
//   global setup); the fault tests wait ~60 s of real time each and proactiveRefresh ~15 s, which
//   would be paid again for every mutant they cover. Their subject is the wire against the
//   emulator, not the chart. hostedUi.test.ts is in: it runs managed login against oidc-provider
//   (a certified OpenID provider, in process) in under a second, and needs no emulator.
// - test/unit/cognito/responseFields.test.ts: reads machines/ with the TypeScript compiler (types,
//   not behaviour), so it would check Stryker's instrumented copy, and it covers no mutant.
// - test/unit/svelte/**: the bindings in src/lib, a project of their own (happy-dom).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/{unit,model}/**/*.test.ts', 'test/integration/hostedUi.test.ts'],
    exclude: ['test/unit/svelte/**', 'test/unit/cognito/responseFields.test.ts'],
    // Every request a test sends to Cognito is still checked against the published API model.
    // The first counterexample of a property is enough to kill a mutant: no shrinking.
    setupFiles: ['test/support/wire/checkWireRequests.ts', 'test/mutation/endOnFailure.ts'],
    environment: 'node',
    // The property tests replay their fixed CI seed: a mutant is killed or not, never by luck.
    env: { CI: 'true' },
    sequence: { sequencer: ModelFirst },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
