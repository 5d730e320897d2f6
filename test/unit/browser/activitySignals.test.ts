// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activitySignals } from '../../../machines/browser/activitySignals.js';

// The idle timeout's input: user activity in this tab, at most once per throttle window. Events are
// dispatched as the browser does (scroll and touch on the element under the pointer; scroll does not
// bubble, so only a capturing listener on window hears it).

const clockAt = (start: number) => {
  const clock = { time: start, now: () => clock.time };
  return clock;
};

/**
 * A window's listener list as the DOM standard keeps it: a removal matches by type, callback and
 * capture flag, so one without `capture: true` leaves a capturing listener on. (happy-dom ignores
 * the flag, and so would not tell.)
 */
function listenerList() {
  const listeners: { type: string; callback: () => void; capture: boolean }[] = [];
  const captureOf = (options?: boolean | { capture?: boolean }) => (typeof options === 'boolean' ? options : options?.capture === true);
  const find = (type: string, callback: () => void, capture: boolean) =>
    listeners.findIndex((entry) => entry.type === type && entry.callback === callback && entry.capture === capture);
  return {
    addEventListener(type: string, callback: () => void, options?: boolean | { capture?: boolean }) {
      if (find(type, callback, captureOf(options)) === -1) listeners.push({ type, callback, capture: captureOf(options) });
    },
    removeEventListener(type: string, callback: () => void, options?: boolean | { capture?: boolean }) {
      const at = find(type, callback, captureOf(options));
      if (at !== -1) listeners.splice(at, 1);
    },
    dispatch(type: string) {
      for (const entry of listeners.filter((candidate) => candidate.type === type)) entry.callback();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('activitySignals', () => {
  it('is null outside a browser', () => {
    vi.stubGlobal('window', undefined);
    expect(activitySignals(clockAt(0))).toBeNull();
  });

  it('signals the first activity at once, then at most once per throttle window', () => {
    const clock = clockAt(1_000_000);
    const listener = vi.fn();
    const unsubscribe = activitySignals(clock, 30_000)!.subscribe(listener);
    window.dispatchEvent(new Event('keydown'));
    expect(listener).toHaveBeenCalledTimes(1);
    clock.time += 29_999;
    window.dispatchEvent(new Event('pointerdown'));
    expect(listener).toHaveBeenCalledTimes(1);
    clock.time += 1;
    window.dispatchEvent(new Event('pointerdown'));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('the first activity counts even when the clock reads zero (a simulated clock)', () => {
    const listener = vi.fn();
    const unsubscribe = activitySignals(clockAt(0), 30_000)!.subscribe(listener);
    window.dispatchEvent(new Event('wheel'));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it.each(['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'])('hears %s on any element, even one that does not bubble', (type) => {
    const clock = clockAt(0);
    const listener = vi.fn();
    const unsubscribe = activitySignals(clock, 1)!.subscribe(listener);
    const element = document.createElement('div');
    document.body.append(element);
    element.dispatchEvent(new Event(type, { bubbles: false }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    element.remove();
  });

  it('listens passively: scrolling and touch never wait for it', () => {
    // A non-passive wheel or touchstart listener on window makes the browser wait for the main
    // thread before it scrolls; passive ones let it scroll at once.
    const add = vi.spyOn(window, 'addEventListener');
    const unsubscribe = activitySignals(clockAt(0))!.subscribe(vi.fn());
    expect(add.mock.calls.map(([type, , options]) => [type, options])).toEqual(
      ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'].map((type) => [type, { passive: true, capture: true }]),
    );
    unsubscribe();
    add.mockRestore();
  });

  it('hears nothing once unsubscribed', () => {
    const page = listenerList();
    vi.stubGlobal('window', page);
    const clock = clockAt(0);
    const listener = vi.fn();
    activitySignals(clock, 1)!.subscribe(listener)();
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll']) {
      clock.time += 10;
      page.dispatch(type);
    }
    expect(listener).not.toHaveBeenCalled();
  });
});
