// `npm run bench:tabs -- [--tabs 5] [--cycles 20]`: authchart's refresh economy across tabs over
// many 30-second token cycles in chromium (+400 ms on Cognito calls). Prints refreshes per cycle
// and exits non-zero when any cycle made more than one refresh call.
import { parseArgs } from 'node:util';
import { startCognitoLocal } from '../dev/cognitoLocal.js';
import { ensureBenchDeps } from './ensureBenchDeps.js';
import { importTs } from './importTs.js';

const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const { values } = parseArgs({ options: { tabs: { type: 'string', default: '5' }, cycles: { type: 'string', default: '20' } } });
const tabs = Number(values.tabs);
const cycles = Number(values.cycles);
if (!Number.isInteger(tabs) || tabs < 2 || !Number.isInteger(cycles) || cycles < 1) {
  log('bench:tabs: --tabs must be 2 or more and --cycles 1 or more');
  process.exit(2);
}

await ensureBenchDeps(log);
/** @type {typeof import('./tabs/runTabsSoak.ts')} */
const { runTabsSoak } = await importTs('./tabs/runTabsSoak.ts');
const cognito = await startCognitoLocal();
let result;
try {
  result = await runTabsSoak(cognito.endpoint, { tabs, cycles });
} finally {
  await cognito.stop();
}
const doubled = result.refreshesPerCycle.filter((count) => count > 1).length;
process.stdout.write(
  `${tabs} tabs, ${result.refreshesPerCycle.length} cycles (+${result.latencyMs} ms): refreshes per cycle ` +
    `${result.refreshesPerCycle.join(', ')}; cycles with more than one: ${doubled}; refused refreshes: ` +
    `${result.failedRefreshes}; page errors: ${result.pageErrors.length}${result.timedOut ? '; TIMED OUT' : ''}\n`,
);
for (const error of result.pageErrors) log(`  ${error}`);
process.exit(doubled > 0 || result.timedOut || result.failedRefreshes > 0 ? 1 : 0);
