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
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: false },
});
