// The bench page: lays out and draws the whole auth chart as the local inspector does (ELK, then
// the Svelte ChartView), and reports how long that took, until the browser has laid out the SVG.
import ELK from 'elkjs/lib/elk.bundled.js';
import { flushSync, mount, unmount } from 'svelte';
import { authMachine } from '../../machines/authMachine.js';
import { layoutChart } from '../../machines/inspect/chart/index.js';
import ChartView from '../../src/lib/inspector/ChartView.svelte';

const elk = new ELK();

/** One full render from the machine definition, in milliseconds; the chart is removed after. */
async function renderChart(): Promise<number> {
  const target = document.createElement('div');
  document.body.append(target);
  const started = performance.now();
  const layout = await layoutChart(authMachine, elk);
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
