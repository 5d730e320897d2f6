import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { demoApiPlugin } from './dev/demoApiPlugin.js';

// The demo API is served by the dev and preview servers themselves (same origin, no CORS);
// its settings come from the same VITE_COGNITO_* variables as the app's.
export default defineConfig({
  plugins: [svelte(), demoApiPlugin()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: false },
});
