// `npm run infra:deploy [-- -c key=value …]`: needs AWS credentials and a bootstrapped account
// (`npx cdk bootstrap`, once per account and region). The app is built with the pool's ids,
// which exist only after a deploy, so: deploy, write the env file, build the app, deploy again
// (the second deploy only uploads the app, and the first one on later runs only when it changed).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { APP_DIR, APP_ENV_FILE, OUTPUTS_FILE, REPO_ROOT } from '../lib/paths.js';

const cdkArgs = process.argv.slice(2);
const deploy = ['cdk', 'deploy', '--outputs-file', OUTPUTS_FILE, ...cdkArgs];

run('npx', deploy);
run('npx', ['tsx', 'scripts/writeEnv.ts']);
// The app builds from the root install (`npm ci` there), with the file's values winning over
// any .env file of the root, as process.env does in Vite.
const appEnv = parseEnv(readFileSync(APP_ENV_FILE, 'utf8'));
run('npx', ['vite', 'build', '--outDir', APP_DIR, '--emptyOutDir'], { cwd: REPO_ROOT, env: { ...process.env, ...appEnv } });
run('npx', deploy);

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (status !== 0) process.exit(status ?? 1);
}
