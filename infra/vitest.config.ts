import { defineConfig } from 'vitest/config';

// Its own config, or Vitest would take the repository's (the app's projects) from the folder above.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // aws-cdk-lib checks every synthesized template against CloudFormation's schemas and rules;
    // its engine takes seconds to start in each test worker. `npm test` runs `cdk synth` first,
    // which checks the stack's template with it, and test/cliSynth.test.ts proves the stacks
    // synthesized here are that template.
    env: { CDK_VALIDATION: 'false' },
    // A synth bundles the Lambda and stages assets: slower than a unit test.
    testTimeout: 30_000,
  },
});
