import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';

const PAGE_ENTRY = fileURLToPath(new URL('./chartRenderPage.ts', import.meta.url));
export const CHART_RENDER_RUNS = 10;

export interface ChartRenderResult {
  /** From the saved layout (docs/statechart.layout.json), as the demo's inspector draws it. */
  medianMs: number;
  runsMs: number[];
  /** With ELK laying the chart out in the page first (a machine without a saved layout). */
  withElk: { medianMs: number; runsMs: number[] };
}

function median(runsMs: number[]): number {
  const sorted = [...runsMs].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** The page's script as one minified file, as an app's dev build would run it (minus HMR). */
async function bundlePage(): Promise<string> {
  const output = (await build({
    configFile: false,
    envDir: false,
    logLevel: 'error',
    plugins: [svelte()],
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: PAGE_ENTRY, formats: ['iife'], name: 'chartRenderPage' },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = output[0]!.output.find((file) => file.type === 'chunk');
  if (!chunk) throw new Error('The chart render page did not bundle');
  return chunk.code;
}

/**
 * Rendering the whole auth chart in chromium (the inspector's Svelte SVG view and the browser's
 * layout of it, from the saved layout; and again with ELK's layout in the page first),
 * `CHART_RENDER_RUNS` times each in one page; the medians are the figures.
 */
export async function measureChartRender(browser: Browser): Promise<ChartRenderResult> {
  const code = await bundlePage();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>chart render</title><body></body>');
    await page.addScriptTag({ content: code });
    const runs = async (withSavedLayout: boolean) => {
      const runsMs: number[] = [];
      for (let run = 0; run < CHART_RENDER_RUNS; run++) {
        runsMs.push(await page.evaluate((saved) => (window as unknown as { renderChart: (saved: boolean) => Promise<number> }).renderChart(saved), withSavedLayout));
      }
      return runsMs;
    };
    const saved = await runs(true);
    const withElk = await runs(false);
    return { medianMs: median(saved), runsMs: saved, withElk: { medianMs: median(withElk), runsMs: withElk } };
  } finally {
    await context.close();
  }
}
