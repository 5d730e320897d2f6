import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

/**
 * Bundles the bench tab pages (bench/pages/*.html) with Vite into `outDir`, minified as an app
 * would ship them. Amplify comes from bench/node_modules, authchart from machines/.
 * @returns outDir
 */
export async function buildTabPages(outDir: string): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    envDir: false,
    root: PAGES_DIR,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        input: {
          authchart: `${PAGES_DIR}authchartTab.html`,
          amplify: `${PAGES_DIR}amplifyTab.html`,
          srpProof: `${PAGES_DIR}srpProof.html`,
        },
      },
    },
  });
  return outDir;
}
