// The template `cdk synth` wrote (npm test runs it first) is the one the other tests check in
// process: same construction, same context (cdk.json's), same assets. So their assertions hold
// for what the CLI would deploy.
import { existsSync, readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect, it } from 'vitest';
import { addAuthchartStack } from '../lib/addAuthchartStack.js';

const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const templateFile = new URL(`../cdk.out/Authchart-${String(cdkJson.context['stage'])}.template.json`, import.meta.url);
// What the CLI adds to the app's context: construct paths in each resource's Metadata, which
// also go into the hash that names the API's deployment.
const CLI_CONTEXT = { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true };

it('equals the stack synthesized in process from cdk.json’s context', () => {
  expect(existsSync(templateFile), 'run `npm run synth` (no -c options) before the tests').toBe(true);
  const cli = JSON.parse(readFileSync(templateFile, 'utf8')) as unknown;
  const inProcess = Template.fromStack(addAuthchartStack(new App({ context: { ...cdkJson.context, ...CLI_CONTEXT } }))).toJSON();
  expect(cli).toEqual(inProcess);
});
