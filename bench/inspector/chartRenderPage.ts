// The bench page: draws the whole auth chart as the local inspector does, and reports how long
// that took, until the browser has laid out the SVG: from the layout `npm run statechart` saved
// (what the demo's inspector draws), and with ELK laying it out in the page first (what a view of
// a machine without a saved layout waits for).
import ELK from 'elkjs/lib/elk.bundled.js';
import { flushSync, mount, unmount } from 'svelte';
import savedLayout from '../../docs/statechart.layout.json';
import { authMachine } from '../../machines/authMachine.js';
import { layoutFor, type ChartLayout } from '../../machines/inspect/chart/index.js';
import ChartView from '../../src/lib/inspector/ChartView.svelte';

const elk = new ELK();

/** One full render from the machine definition, in milliseconds; the chart is removed after. */
async function renderChart(withSavedLayout: boolean): Promise<number> {
  const target = document.createElement('div');
  document.body.append(target);
  const started = performance.now();
  const layout = await layoutFor(authMachine, () => elk, withSavedLayout ? (savedLayout as ChartLayout) : undefined);
  const view = mount(ChartView, { target, props: { layout, active: new Set(['auth', 'auth.signedIn', 'auth.signedIn.idle']), taken: new Set<string>(), timers: new Map<string, string>() } });
  flushSync();
  // Reading the size makes the browser compute style and layout for the new SVG now.
  target.getBoundingClientRect();
  const elapsed = performance.now() - started;
  await unmount(view);
  target.remove();
  return elapsed;
}

Object.assign(window, { renderChart });
