import { mount, unmount } from 'svelte';
import type { Auth, AuthConfig } from '../machines/index.js';
import type { InspectionRecorder } from '../machines/inspect/chart/index.js';
import { redactedInspector } from '../machines/inspect/index.js';

/** The local inspector's log, recording from start-up when the URL asks for it. */
let recorder: InspectionRecorder | undefined;
let shown: { host: HTMLElement; view: Record<string, unknown> } | undefined;

/**
 * In development only, `?inspect` in the URL inspects the auth actor, its events redacted by
 * `redactedInspector` first:
 * - `?inspect=local` records them for the local statechart inspector (offline), which opens at
 *   start; the session panel's "Statechart" button hides and shows it;
 * - `?inspect=console` logs them to the console;
 * - `?inspect` attaches the Stately inspector (it opens stately.ai in a new window: needs internet).
 * Without the parameter nothing is inspected. In a production build `import.meta.env.DEV` is
 * false, so this is dead code, and neither `@statelyai/inspect` nor the local inspector and
 * elkjs reach the bundle.
 */
export async function devInspector(search: string): Promise<AuthConfig['inspect']> {
  if (!import.meta.env.DEV) return undefined;
  const mode = new URLSearchParams(search).get('inspect');
  if (mode === null) return undefined;
  if (mode === 'console') return redactedInspector((event) => console.debug('[authchart]', event.type, event));
  if (mode === 'local') {
    const { InspectionRecorder } = await import('../machines/inspect/chart/index.js');
    recorder = new InspectionRecorder({ now: () => Date.now() });
    return redactedInspector(recorder.inspect);
  }
  const { createBrowserInspector } = await import('@statelyai/inspect');
  return redactedInspector(createBrowserInspector().inspect);
}

/** `?inspect=local` opens the local inspector as the app starts. */
export function wantsLocalInspector(search: string): boolean {
  return import.meta.env.DEV && new URLSearchParams(search).get('inspect') === 'local';
}

/** True when the local inspector can be shown: a development build opened with `?inspect=local`. */
export function hasLocalInspector(): boolean {
  return import.meta.env.DEV && recorder !== undefined;
}

/**
 * Shows the local statechart inspector over the bottom of the page, or hides it. Its code and
 * elkjs load on first use only.
 */
export async function toggleLocalInspector(auth: Auth): Promise<void> {
  if (!import.meta.env.DEV || !recorder) return;
  if (shown) {
    await unmount(shown.view);
    shown.host.remove();
    shown = undefined;
    return;
  }
  const [{ StatechartInspector, authInspectorActions }, { default: savedLayout }] = await Promise.all([
    import('./lib/inspector/index.js'),
    // Written by `npm run statechart` from the same chart: no ELK in the page while it fits.
    import('../docs/statechart.layout.json'),
  ]);
  const host = document.createElement('div');
  // Development only, where no Content-Security-Policy is sent: inline styles are fine here.
  Object.assign(host.style, {
    position: 'fixed',
    inset: 'auto 0 0 0',
    height: '55vh',
    padding: '0.75rem',
    background: '#ffffff',
    borderTop: '2px solid #cbd5e1',
    boxShadow: '0 -4px 16px rgb(0 0 0 / 0.12)',
    zIndex: '50',
  });
  document.body.append(host);
  const view = mount(StatechartInspector, { target: host, props: { actor: auth.actor, recorder, actions: authInspectorActions(auth), savedLayout } });
  shown = { host, view };
}
