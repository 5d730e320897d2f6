// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { wakeSignals } from '../../../machines/browser/wakeSignals.js';

/** A `pageshow` as the browser sends it: `persisted` is true only for a back/forward-cache restore. */
function pageShow(persisted: boolean): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  return event;
}

describe('wakeSignals', () => {
  it('signals a page coming back (bfcache, visible, focus, online), not the pageshow of every load', () => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    const listener = vi.fn();
    const unsubscribe = wakeSignals()!.subscribe(listener);

    window.dispatchEvent(pageShow(false));
    expect(listener).not.toHaveBeenCalled();

    window.dispatchEvent(pageShow(true));
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(listener).toHaveBeenCalledTimes(4);

    unsubscribe();
    window.dispatchEvent(pageShow(true));
    window.dispatchEvent(new Event('online'));
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
