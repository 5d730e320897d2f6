// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeSignals } from '../../../machines/browser/wakeSignals.js';

// Moments when the page's timers may have slept (a frozen background tab, a sleeping computer):
// each one re-arms the session's timers, so a refresh that was due happens at once.

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A `pageshow` as the browser sends it: `persisted` is true only for a back/forward-cache restore. */
function pageShow(persisted: boolean): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  return event;
}

function visibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

describe('wakeSignals', () => {
  it('signals a page coming back (bfcache, visible, focus, online), not the pageshow of every load', () => {
    visibility('visible');
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
    document.dispatchEvent(new Event('visibilitychange'));
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('a page becoming hidden is no wake-up', () => {
    visibility('hidden');
    const listener = vi.fn();
    const unsubscribe = wakeSignals()!.subscribe(listener);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('is null where there is a window but no document (a worker-like host), or no window', () => {
    vi.stubGlobal('document', undefined);
    expect(wakeSignals()).toBeNull();
    vi.unstubAllGlobals();
    vi.stubGlobal('window', undefined);
    expect(wakeSignals()).toBeNull();
  });
});
