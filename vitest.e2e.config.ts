import { defineConfig } from 'vitest/config';

// Browser tests: the global setup starts cognito-local, builds the app against it, serves the
// build with the demo API (vite preview) and tests drive Debian's chromium. Never retried.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/e2eGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    retry: 0,
    fileParallelism: false,
  },
});
