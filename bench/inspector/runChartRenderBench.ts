import { launchChromium } from '../../test/support/launchChromium.js';
import { measureChartRender, type ChartRenderResult } from './measureChartRender.js';

/** Issue 24: the full chart renders in under 200 ms on the bench machine (median of 10). */
export const CHART_RENDER_BUDGET_MS = 200;

/** The statechart inspector's render time, in a chromium of its own. */
export async function runChartRenderBench(): Promise<ChartRenderResult> {
  const browser = await launchChromium();
  try {
    return await measureChartRender(browser);
  } finally {
    await browser.close();
  }
}

/** The report's section for it (Markdown, appended after the other tables). */
export function chartRenderSection(result: ChartRenderResult): string {
  const verdict = result.medianMs <= CHART_RENDER_BUDGET_MS ? 'within' : 'OVER';
  return [
    '',
    '',
    '## Statechart inspector',
    '',
    `Rendering the whole auth chart in chromium (ELK layout, the inspector's Svelte SVG view, the browser's layout of it):`,
    `median ${result.medianMs.toFixed(1)} ms of ${result.runsMs.length} runs, ${verdict} the ${CHART_RENDER_BUDGET_MS} ms budget.`,
    '',
  ].join('\n');
}
