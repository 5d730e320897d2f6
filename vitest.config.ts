import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Node-side tests, in two projects:
// - node: unit, model and integration. The integration layer needs cognito-local, which the
//   global setup starts on a free loopback port.
// - svelte: the Svelte bindings (src/lib) and their route guard, in happy-dom.
export default defineConfig({
  test: {
    // The pre-bundled AWS SDK (see below) touches Node built-ins that Vite stubs for the
    // browser, and Vite says so on every test file; nothing uses them.
    onConsoleLog: (log) => !log.includes('has been externalized for browser compatibility'),
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/{unit,model,integration}/**/*.test.ts'],
          exclude: ['test/unit/svelte/**'],
          globalSetup: ['test/support/cognitoGlobalSetup.ts'],
          // Every request a test sends to Cognito is checked against the published API model.
          setupFiles: ['test/support/wire/checkWireRequests.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // svelteTesting adds the `browser` resolve condition (Svelte's client runtime, one copy
        // of it) and unmounts components after each test.
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'svelte',
          include: ['test/unit/svelte/**/*.test.ts'],
          environment: 'happy-dom',
          testTimeout: 10_000,
          // machines/index.ts imports sdkTransport, hence the AWS SDK. Under the `browser`
          // condition Vite's dev resolver cannot follow the SDK's extensionless ES imports; a
          // pre-bundled copy loads (the app build has no such problem, and drops it unused).
          deps: { optimizer: { client: { enabled: true, include: ['@aws-sdk/client-cognito-identity-provider'] } } },
        },
      },
    ],
  },
});
