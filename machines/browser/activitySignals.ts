import type { Clock, SignalSource } from '../AuthPorts.js';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * User activity in this tab, at most once per `throttleMs`: enough for an idle timeout measured
 * in minutes, without waking the statechart on every key press. Null outside a browser.
 */
export function activitySignals(clock: Clock, throttleMs = 30_000): SignalSource | null {
  const target = globalThis.window;
  if (!target?.addEventListener) return null;
  return {
    subscribe(listener) {
      let last = -Infinity;
      const onActivity = () => {
        const now = clock.now();
        if (now - last < throttleMs) return;
        last = now;
        listener();
      };
      for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { passive: true, capture: true });
      return () => {
        for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
      };
    },
  };
}
