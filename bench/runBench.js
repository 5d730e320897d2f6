// `npm run bench`: size and behaviour, authchart beside Amplify, in one run. Prints the tables as
// Markdown on stdout (progress on stderr) and writes bench/results.json and bench/results.md.
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { version as viteVersion } from 'vite';
import { startCognitoLocal } from '../dev/cognitoLocal.js';
import { ensureBenchDeps } from './ensureBenchDeps.js';
import { formatReport } from './formatReport.js';
import { importTs } from './importTs.js';
import { spawnHeapBench } from './memory/spawnHeapBench.js';
import { measureSizes } from './size/measureSizes.js';

/** The whole run is bounded; each part also has its own limits. */
const RUN_TIMEOUT_MS = 10 * 60_000;
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

// Ctrl-C and the watchdog end through process.exit, so the emulator's and playwright's exit hooks
// stop what was started.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
setTimeout(() => {
  log(`bench: gave up after ${RUN_TIMEOUT_MS / 60_000} minutes`);
  process.exit(1);
}, RUN_TIMEOUT_MS).unref();

const started = performance.now();
/** @type {Record<string, number>} */
const durationsMs = {};
/**
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} step
 * @returns {Promise<T>}
 */
async function timed(name, step) {
  const stepStarted = performance.now();
  try {
    return await step();
  } finally {
    durationsMs[name] = Math.round(performance.now() - stepStarted);
  }
}

await timed('install', () => ensureBenchDeps(log));
const size = await timed('size', () => measureSizes({ log }));
const memory = await timed('memory', () => spawnHeapBench());
log(`memory: ${memory.retainedObjectsGrowth} objects, ${memory.retainedBytesGrowth} bytes retained over ${memory.cycles} cycles`);

/** @type {typeof import('./behaviour/runBehaviourBenches.ts')} */
const { runBehaviourBenches } = await importTs('./behaviour/runBehaviourBenches.ts');
/** @type {typeof import('./tabs/runBrowserBenches.ts')} */
const { runBrowserBenches, TABS_CYCLES, TABS_LATENCY_MS } = await importTs('./tabs/runBrowserBenches.ts');
/** @type {typeof import('./inspector/runChartRenderBench.ts')} */
const { runChartRenderBench, chartRenderSection, CHART_RENDER_BUDGET_MS } = await importTs('./inspector/runChartRenderBench.ts');

const cognito = await timed('cognitoLocalStart', () => startCognitoLocal());
let behaviour;
let browser;
try {
  behaviour = await timed('behaviour', () => runBehaviourBenches(cognito.endpoint, log));
  browser = await timed('browser', () => runBrowserBenches(cognito.endpoint, log));
} finally {
  await cognito.stop();
}
// Alone in chromium, after the tabs: CPU-bound, like the SRP proof.
const chartRender = await timed('chartRender', () => runChartRenderBench());
log(`browser: statechart inspector, full chart render median ${chartRender.medianMs.toFixed(1)} ms of ${chartRender.runsMs.length} from the saved layout (budget ${CHART_RENDER_BUDGET_MS} ms), ${chartRender.withElk.medianMs.toFixed(1)} ms with ELK in the page`);
durationsMs['total'] = Math.round(performance.now() - started);

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.versions.node,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    vite: viteVersion,
    chromium: browser.browserVersion,
  },
  size,
  behaviour,
  pageRestore: browser.pageRestore,
  tabs: browser.tabs,
  srpProofBrowser: browser.srpProof,
  tabsCycles: TABS_CYCLES,
  tabsLatencyMs: TABS_LATENCY_MS,
  memory,
  chartRender,
  durationsMs,
};
const markdown = formatReport(results) + chartRenderSection(chartRender);
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(new URL('./results.md', import.meta.url), markdown);
process.stdout.write(markdown);
log(`bench: done in ${Math.round(durationsMs['total'] / 1000)} s; wrote bench/results.json and bench/results.md`);
