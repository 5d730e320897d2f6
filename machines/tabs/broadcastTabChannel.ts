import type { TabChannel, TabMessage } from './TabChannel.js';

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const kind = (data as { kind?: unknown }).kind;
  if (kind === 'active' || kind === 'refreshing' || kind === 'refreshFailed') return true;
  if (kind === 'updated') return typeof (data as { stored?: unknown }).stored === 'string';
  return kind === 'ended' && typeof (data as { reason?: unknown }).reason === 'string';
}

/**
 * Tabs of one origin, pool and client, over BroadcastChannel. Where BroadcastChannel is missing,
 * the `storage` event on the session's own key stands in: it fires in every other tab when
 * localStorage changes, which is exactly when a session was stored or removed.
 */
export function broadcastTabChannel(name: string, storageKey: string): TabChannel {
  const Channel = globalThis.BroadcastChannel;
  if (Channel) {
    const channel = new Channel(name);
    return {
      post: (message) => channel.postMessage(message),
      subscribe(listener) {
        const onMessage = (event: MessageEvent) => {
          if (isTabMessage(event.data)) listener(event.data);
        };
        channel.addEventListener('message', onMessage);
        return () => channel.removeEventListener('message', onMessage);
      },
    };
  }
  return {
    // The storage write itself is the message.
    post: () => {},
    subscribe(listener) {
      const onStorage = (event: StorageEvent) => {
        if (event.key !== storageKey && event.key !== null) return;
        listener(event.newValue === null ? { kind: 'ended', reason: 'user' } : { kind: 'updated', stored: event.newValue });
      };
      globalThis.addEventListener?.('storage', onStorage);
      return () => globalThis.removeEventListener?.('storage', onStorage);
    },
  };
}
