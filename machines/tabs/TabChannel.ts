import type { SessionEndReason } from '../SessionEndReason.js';

/**
 * What one tab tells the others. `updated` carries the session exactly as it was written to the
 * shared storage (nothing storage does not already hold): browsers deliver storage changes to
 * other tabs asynchronously, so a tab reading storage on this message could still see the old one.
 */
export type TabMessage =
  | { kind: 'updated'; stored: string }
  | { kind: 'ended'; reason: SessionEndReason }
  | { kind: 'active' }
  /** This tab holds the refresh lock and has asked Cognito; `updated` or `refreshFailed` follows. */
  | { kind: 'refreshing' }
  /** This tab's refresh failed (it retries later, or the session ended and `ended` follows). */
  | { kind: 'refreshFailed' };

/** The port tabs talk through (BroadcastChannel in browsers; an in-process hub in tests). */
export interface TabChannel {
  post(message: TabMessage): void;
  /** Calls `listener` for messages from other tabs (never for this tab's own); returns unsubscribe. */
  subscribe(listener: (message: TabMessage) => void): () => void;
}
