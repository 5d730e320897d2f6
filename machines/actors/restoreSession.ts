import { fromPromise } from 'xstate';
import { toAuthError } from '../AuthError.js';
import type { AuthMachineInput, RestoreResult } from '../authMachine.types.js';
import { parseStoredSession } from '../storage/storedSession.js';
import { isExpired } from '../tokens/Session.js';

/** Reads and validates the stored session. Never calls the network. */
export const restoreSession = fromPromise<RestoreResult, AuthMachineInput>(async ({ input }) => {
  const { config, ports } = input;
  const raw = ports.storage.getItem(config.storageKey);
  if (raw === null) return { status: 'empty' };
  const now = ports.clock.now();
  try {
    const session = parseStoredSession(raw, config, now);
    return isExpired(session, now) ? { status: 'refreshable', session } : { status: 'usable', session };
  } catch (error) {
    return { status: 'invalid', error: toAuthError(error) };
  }
});
