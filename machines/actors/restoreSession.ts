import { fromPromise } from 'xstate';
import { toAuthError } from '../AuthError.js';
import type { AuthMachineInput, RestoreResult } from '../AuthContext.js';
import { parseStoredSession } from '../storage/storedSession.js';
import { isExpired } from '../tokens/Session.js';

/**
 * Reads and validates the stored session, or `stored` when given (what another tab says it
 * wrote, which this tab's view of storage may not show yet). Never calls the network.
 */
export const restoreSession = fromPromise<RestoreResult, AuthMachineInput & { stored?: string }>(async ({ input }) => {
  const { config, ports } = input;
  const raw = input.stored ?? ports.storage.getItem(config.storageKey);
  if (raw === null) return { status: 'empty' };
  const now = ports.clock.now();
  try {
    const session = parseStoredSession(raw, config, now);
    return isExpired(session, now) ? { status: 'refreshable', session } : { status: 'usable', session };
  } catch (error) {
    return { status: 'invalid', error: toAuthError(error) };
  }
});
