import type { SessionEndReason } from '../authMachine.types.js';

/**
 * What one tab tells the others. No tokens travel: a tab that hears `updated` reads the shared
 * storage itself, so the channel can leak nothing that storage does not already hold.
 */
export type TabMessage = { kind: 'updated' } | { kind: 'ended'; reason: SessionEndReason } | { kind: 'active' };

/** The port tabs talk through (BroadcastChannel in browsers; an in-process hub in tests). */
export interface TabChannel {
  post(message: TabMessage): void;
  /** Calls `listener` for messages from other tabs (never for this tab's own); returns unsubscribe. */
  subscribe(listener: (message: TabMessage) => void): () => void;
}
