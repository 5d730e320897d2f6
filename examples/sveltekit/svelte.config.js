import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // A Node server that renders every request (see README.md for why not adapter-static).
    // Output in dist/, like the other examples (ignored by git).
    adapter: adapter({ out: 'dist' }),
    // Tokens live in localStorage, so script injection is the threat that matters: only this
    // app's own scripts run (SvelteKit adds a nonce to its inline start-up script).
    csp: {
      mode: 'auto',
      directives: { 'script-src': ['self'], 'object-src': ['none'], 'base-uri': ['self'] },
    },
  },
};
