import type { AuthConfig } from '../machines/index.js';
import { redactedInspector } from '../machines/inspect/index.js';

/**
 * In development only, `?inspect` in the URL attaches the Stately inspector (it opens
 * stately.ai in a new window: needs internet), and `?inspect=console` logs the same events to
 * the console (offline). Either way `redactedInspector` removes tokens and passwords first. In a
 * production build `import.meta.env.DEV` is false, so this is dead code and the
 * `@statelyai/inspect` import is dropped from the bundle.
 */
export async function devInspector(search: string): Promise<AuthConfig['inspect']> {
  if (!import.meta.env.DEV) return undefined;
  const mode = new URLSearchParams(search).get('inspect');
  if (mode === null) return undefined;
  if (mode === 'console') return redactedInspector((event) => console.debug('[authchart]', event.type, event));
  const { createBrowserInspector } = await import('@statelyai/inspect');
  return redactedInspector(createBrowserInspector().inspect);
}
