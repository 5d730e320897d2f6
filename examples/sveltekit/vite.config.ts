import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    // Rolldown reports plugins that take long; SvelteKit's own writeBundle (where the adapter
    // runs) always does, so the report says nothing about this app.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
