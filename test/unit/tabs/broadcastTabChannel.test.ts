import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabMessage } from '../../../machines/index.js';
import { broadcastTabChannel } from '../../../machines/tabs/broadcastTabChannel.js';

const KEY = 'authchart:pool:client';

/** Every message a tab's listener gets, once the channel has had time to deliver. */
function listen(channel: ReturnType<typeof broadcastTabChannel>) {
  const received: TabMessage[] = [];
  const unsubscribe = channel.subscribe((message) => received.push(message));
  return { received, unsubscribe };
}

/** Node's BroadcastChannel delivers in a later task, as browsers do. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

const EVERY_KIND: TabMessage[] = [
  { kind: 'updated', stored: '{"version":1}' },
  { kind: 'ended', reason: 'expired' },
  { kind: 'active' },
  { kind: 'refreshing' },
  { kind: 'refreshFailed' },
];

// Node has a real BroadcastChannel (the HTML spec's, as browsers have it): no fake of ours.
describe('broadcastTabChannel over BroadcastChannel', () => {
  const opened: BroadcastChannel[] = [];
  /** A raw channel of the same name: another script, or another version of authchart, on the page. */
  function raw(name: string) {
    const channel = new BroadcastChannel(name);
    opened.push(channel);
    return channel;
  }
  afterEach(() => {
    for (const channel of opened.splice(0)) channel.close();
  });

  it('delivers every kind of message to the other tabs of the same name, never back to the sender', async () => {
    const name = `tabs-${Math.random()}`;
    const sender = broadcastTabChannel(name, KEY);
    const self = listen(sender);
    const other = listen(broadcastTabChannel(name, KEY));
    const elsewhere = listen(broadcastTabChannel(`${name}-another-pool`, KEY));

    for (const message of EVERY_KIND) sender.post(message);
    await delivered();

    expect(other.received).toEqual(EVERY_KIND);
    expect(self.received).toEqual([]);
    expect(elsewhere.received).toEqual([]);
    for (const tab of [self, other, elsewhere]) tab.unsubscribe();
  });

  it('stops delivering once unsubscribed', async () => {
    const name = `tabs-${Math.random()}`;
    const sender = broadcastTabChannel(name, KEY);
    const other = listen(broadcastTabChannel(name, KEY));
    other.unsubscribe();
    sender.post({ kind: 'active' });
    await delivered();
    expect(other.received).toEqual([]);
  });

  it('passes on well-formed messages only: what else shares the channel name is ignored', async () => {
    const name = `tabs-${Math.random()}`;
    const other = listen(broadcastTabChannel(name, KEY));
    const stranger = raw(name);
    const malformed: unknown[] = [
      null,
      'active',
      42,
      {},
      { kind: 'unknown' },
      { kind: 'updated' },
      { kind: 'updated', stored: 7 },
      { kind: 'ended' },
      { kind: 'ended', reason: 3 },
      { type: 'active' },
    ];
    for (const data of malformed) stranger.postMessage(data);
    for (const message of EVERY_KIND) stranger.postMessage(message);
    await delivered();
    expect(other.received).toEqual(EVERY_KIND);
    other.unsubscribe();
  });
});

/**
 * Where BroadcastChannel is missing, the `storage` event stands in. Node has no window events:
 * an EventTarget plays the window, and plain events carry StorageEvent's `key` and `newValue`.
 */
describe('broadcastTabChannel without BroadcastChannel (storage events)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function windowWithoutBroadcastChannel() {
    const window = new EventTarget();
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
    vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));
    /** What the browser does in every other tab when localStorage changes. */
    const storageEvent = (key: string | null, newValue: string | null) =>
      window.dispatchEvent(Object.assign(new Event('storage'), { key, newValue }));
    return { storageEvent };
  }

  it("turns a change of the session's key into `updated` with what was stored, and its removal into `ended`", () => {
    const { storageEvent } = windowWithoutBroadcastChannel();
    const tab = listen(broadcastTabChannel('tabs', KEY));

    storageEvent(KEY, '{"version":1}');
    storageEvent(KEY, null);
    expect(tab.received).toEqual([
      { kind: 'updated', stored: '{"version":1}' },
      { kind: 'ended', reason: 'user' },
    ]);
  });

  it("ignores other keys; localStorage.clear() (key null) ends the session", () => {
    const { storageEvent } = windowWithoutBroadcastChannel();
    const tab = listen(broadcastTabChannel('tabs', KEY));

    storageEvent('authchart:pool:another-client', '{"version":1}');
    storageEvent('authchart:pool:another-client', null);
    storageEvent(null, null);
    expect(tab.received).toEqual([{ kind: 'ended', reason: 'user' }]);
  });

  it('posts nothing (the storage write is the message) and stops listening once unsubscribed', () => {
    const { storageEvent } = windowWithoutBroadcastChannel();
    const channel = broadcastTabChannel('tabs', KEY);
    const tab = listen(channel);
    expect(() => channel.post({ kind: 'active' })).not.toThrow();
    expect(tab.received).toEqual([]);

    tab.unsubscribe();
    storageEvent(KEY, null);
    expect(tab.received).toEqual([]);
  });

  it('where there are no window events either (a worker), subscribing is harmless and hears nothing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(globalThis.addEventListener).toBeUndefined();
    const channel = broadcastTabChannel('tabs', KEY);
    const tab = listen(channel);
    expect(() => tab.unsubscribe()).not.toThrow();
    expect(tab.received).toEqual([]);
  });
});
