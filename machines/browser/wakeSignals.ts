import type { SignalSource } from '../AuthPorts.js';

/**
 * Moments when a page's timers may have missed their time: background tabs are throttled or
 * frozen, and a sleeping computer stops them. Null outside a browser.
 */
export function wakeSignals(): SignalSource | null {
  const target = globalThis.window;
  if (!target?.addEventListener || !globalThis.document) return null;
  return {
    subscribe(listener) {
      const onVisibility = () => {
        if (document.visibilityState === 'visible') listener();
      };
      // Every load ends with a `pageshow`; only one from the back/forward cache is a wake-up
      // (the page was frozen), while after a fresh load the timers were just armed.
      const onPageShow = (event: PageTransitionEvent) => {
        if (event.persisted) listener();
      };
      document.addEventListener('visibilitychange', onVisibility);
      target.addEventListener('pageshow', onPageShow);
      for (const type of ['focus', 'online'] as const) target.addEventListener(type, listener);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        target.removeEventListener('pageshow', onPageShow);
        for (const type of ['focus', 'online'] as const) target.removeEventListener(type, listener);
      };
    },
  };
}
