import { defineConfig } from 'vitest/config';

// Node-side tests: unit, model and integration. The integration layer needs
// cognito-local, which the global setup starts on a free loopback port.
export default defineConfig({
  test: {
    include: ['test/{unit,model,integration}/**/*.test.ts'],
    globalSetup: ['test/support/cognitoGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
