import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The two-minute files start first, one per worker, so the others run after the shorter one. */
const LONG_FILES = ['sessionLifecycle.e2e.test.ts', 'tabs.e2e.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => LONG_FILES.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}

// Browser tests: the global setup starts cognito-local, builds the app variants against it,
// serves each with the demo API (vite preview), and tests drive Debian's chromium. Never retried.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/e2eGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    retry: 0,
    // Two workers, one chromium each: the lifecycle file in one, the rest in the other.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
