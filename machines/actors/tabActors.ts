import { fromCallback } from 'xstate';
import type { AuthEvent } from '../AuthEvent.js';
import type { SignalSource } from '../AuthPorts.js';
import type { RefreshLock } from '../tabs/RefreshLock.js';
import type { TabChannel, TabMessage } from '../tabs/TabChannel.js';

function eventFor(message: TabMessage): AuthEvent {
  switch (message.kind) {
    case 'updated':
      return { type: 'SESSION_CHANGED_ELSEWHERE', stored: message.stored };
    case 'ended':
      return { type: 'SIGNED_OUT_ELSEWHERE', reason: message.reason };
    case 'active':
      return { type: 'ACTIVE_ELSEWHERE' };
    case 'refreshing':
      return { type: 'REFRESH_STARTED_ELSEWHERE' };
    case 'refreshFailed':
      return { type: 'REFRESH_FAILED_ELSEWHERE' };
  }
}

/** Turns other tabs' messages into machine events, for as long as the machine runs. */
export const listenToTabs = fromCallback<AuthEvent, { channel: TabChannel | null }>(({ input, sendBack }) => {
  if (!input.channel) return undefined;
  return input.channel.subscribe((message) => sendBack(eventFor(message)));
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
    // Released after the state change's actions (persist, announce) have run, so another tab
    // granted the lock next has the new session on its way before it can ask for one.
    queueMicrotask(() => release?.());
  };
});

/** Turns a signal source (wake-ups, user activity) into one machine event per signal. */
export const listenForSignals = fromCallback<AuthEvent, { source: SignalSource | null; event: AuthEvent }>(
  ({ input, sendBack }) => input.source?.subscribe(() => sendBack(input.event)),
);
