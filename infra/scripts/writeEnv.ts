// `npm run write-env` (run by scripts/deploy.ts after each deploy): the outputs file of the last
// `cdk deploy --outputs-file` → the app's env file. Also for a stack deployed by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { appEnvFile } from '../lib/appEnvFile.js';
import { APP_ENV_FILE, OUTPUTS_FILE } from '../lib/paths.js';

const outputs = JSON.parse(readFileSync(OUTPUTS_FILE, 'utf8')) as Record<string, Record<string, string>>;
const stacks = Object.keys(outputs);
if (stacks.length !== 1) throw new Error(`${OUTPUTS_FILE}: expected the outputs of one stack, found ${stacks.join(', ') || 'none'}`);
const stackName = stacks[0] as string;
writeFileSync(APP_ENV_FILE, appEnvFile(stackName, outputs[stackName] ?? {}));
console.log(`wrote ${APP_ENV_FILE} from ${stackName}`);
