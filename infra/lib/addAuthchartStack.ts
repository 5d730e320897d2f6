import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, type App } from 'aws-cdk-lib';
import { readConfig } from './AuthchartConfig.js';
import { AuthchartStack } from './AuthchartStack.js';
import { APP_DIR } from './paths.js';

/**
 * The CDK app's one stack, `Authchart-<stage>`, configured by the app's context, with the app
 * build that scripts/deploy.ts leaves in infra/app-dist when there is one.
 */
export function addAuthchartStack(app: App): AuthchartStack {
  const config = readConfig((key) => app.node.tryGetContext(key));
  const built = existsSync(join(APP_DIR, 'index.html'));
  const stack = new AuthchartStack(app, `Authchart-${config.stage}`, {
    config,
    appDir: built ? APP_DIR : undefined,
    description: `authchart demo (${config.stage}): user pool, app client, demo API, hosted app`,
  });
  if (!built) {
    Annotations.of(stack).addWarningV2(
      'authchart:noAppBuild',
      'infra/app-dist has no build: the bucket stays empty. `npm run infra:deploy` builds the app after the first deploy and deploys again.',
    );
  }
  return stack;
}
