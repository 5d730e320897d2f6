import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';

const PAGE_ENTRY = fileURLToPath(new URL('./chartRenderPage.ts', import.meta.url));
export const CHART_RENDER_RUNS = 10;

export interface ChartRenderResult {
  medianMs: number;
  runsMs: number[];
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
 * Rendering the whole auth chart in chromium (ELK layout + the inspector's Svelte SVG view +
 * the browser's layout of it), `CHART_RENDER_RUNS` times in one page; the median is the figure.
 */
export async function measureChartRender(browser: Browser): Promise<ChartRenderResult> {
  const code = await bundlePage();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>chart render</title><body></body>');
    await page.addScriptTag({ content: code });
    const runsMs: number[] = [];
    for (let run = 0; run < CHART_RENDER_RUNS; run++) {
      runsMs.push(await page.evaluate(() => (window as unknown as { renderChart: () => Promise<number> }).renderChart()));
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const medianMs = sorted.length % 2 === 0 ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
    return { medianMs, runsMs };
  } finally {
    await context.close();
  }
}
