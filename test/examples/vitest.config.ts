import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The examples, tested from the outside: each installs the `npm pack` tarball into its own
// node_modules (`npm run examples` at the repo root does that first). One chromium test per
// example, against cognito-local started by the test itself. Never retried.
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['test/examples/**/*.example.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
