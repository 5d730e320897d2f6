import type { SignalSource } from '../authMachine.types.js';

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
      document.addEventListener('visibilitychange', onVisibility);
      for (const type of ['pageshow', 'focus', 'online'] as const) target.addEventListener(type, listener);
      return () => {
        document.removeEventListener('visibilitychange', onVisibility);
        for (const type of ['pageshow', 'focus', 'online'] as const) target.removeEventListener(type, listener);
      };
    },
  };
}
