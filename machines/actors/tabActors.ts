import { fromCallback } from 'xstate';
import type { AuthEvent } from '../authMachine.types.js';
import type { RefreshLock } from '../tabs/RefreshLock.js';
import type { TabChannel } from '../tabs/TabChannel.js';

/** Turns other tabs' messages into machine events, for as long as the machine runs. */
export const listenToTabs = fromCallback<AuthEvent, { channel: TabChannel | null }>(({ input, sendBack }) => {
  if (!input.channel) return undefined;
  return input.channel.subscribe((message) => {
    sendBack(
      message.kind === 'updated'
        ? { type: 'SESSION_CHANGED_ELSEWHERE' }
        : { type: 'SIGNED_OUT_ELSEWHERE', reason: message.reason },
    );
  });
});

/**
 * Holds the cross-tab refresh lock while the machine is in `refreshing.locked`: stopping this
 * actor (leaving the state) releases it, so no path can forget to. A lock that cannot be had
 * at all degrades to refreshing without it: a double refresh beats no refresh.
 */
export const holdRefreshLock = fromCallback<AuthEvent, { lock: RefreshLock }>(({ input, sendBack }) => {
  const controller = new AbortController();
  let release: (() => void) | undefined;
  input.lock.acquire(controller.signal).then(
    (releaseLock) => {
      if (controller.signal.aborted) releaseLock();
      else {
        release = releaseLock;
        sendBack({ type: 'LOCK_ACQUIRED' });
      }
    },
    () => {
      if (!controller.signal.aborted) sendBack({ type: 'LOCK_ACQUIRED' });
    },
  );
  return () => {
    controller.abort();
    release?.();
  };
});
