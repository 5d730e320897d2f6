import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { cspPlugin } from './dev/cspPlugin.js';
import { demoApiPlugin } from './dev/demoApiPlugin.js';

// The demo API is served by the dev and preview servers themselves (same origin, no CORS);
// its settings come from the same VITE_COGNITO_* variables as the app's. `vite preview` also
// sends the Content-Security-Policy the built app should be hosted with (dev/cspPlugin.js).
export default defineConfig({
  plugins: [svelte(), cspPlugin(), demoApiPlugin()],
  server: { host: '127.0.0.1' },
  // The dependency scan starts from the app's own page only. By default Vite scans every .html
  // in the repo: bench/pages/ import aws-amplify (installed only in bench/node_modules) and
  // examples/ their own installs, so a fresh clone's first `npm run dev` printed a scan error and
  // its first page load reloaded while Vite re-optimised the deps it had not found.
  optimizeDeps: { entries: ['index.html'] },
  preview: { host: '127.0.0.1' },
  // Every browser the es2022 target covers has <link rel="modulepreload">: no polyfill needed.
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
});
