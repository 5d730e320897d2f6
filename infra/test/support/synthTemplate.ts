import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readConfig } from '../../lib/AuthchartConfig.js';
import { AuthchartStack } from '../../lib/AuthchartStack.js';

/**
 * The stack as `cdk synth -c key=value …` makes it (strings, as on the command line), in process.
 * @param context  the options under test; the rest keep their defaults
 * @param appDir   a built app to upload; none by default, as on a first deploy
 */
export function synthTemplate(context: Record<string, string> = {}, appDir?: string): Template {
  return Template.fromStack(synthStack(context, appDir));
}

/** The stack itself, for its annotations. See synthTemplate. */
export function synthStack(context: Record<string, string> = {}, appDir?: string): AuthchartStack {
  const app = new App({ context });
  const config = readConfig((key) => app.node.tryGetContext(key));
  return new AuthchartStack(app, 'Test', { config, appDir });
}

/** The one resource of `type` (matching `properties`, if given): its Properties. */
export function onlyResource(template: Template, type: string, properties?: Record<string, unknown>): Record<string, unknown> {
  const resources = Object.values(template.findResources(type, properties ? { Properties: properties } : undefined));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return (resources[0] as { Properties: Record<string, unknown> }).Properties;
}
