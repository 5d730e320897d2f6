import { AuthError } from '../AuthError.js';
import { createSession, type SessionExpectations } from '../tokens/createSession.js';
import type { Session } from '../tokens/Session.js';

/** Bumped when the stored shape changes; older data is discarded (the user signs in again). */
export const STORED_SESSION_VERSION = 1;

/** One key per pool and client, so two apps on one origin never read each other's tokens. */
export function storageKey(userPoolId: string, clientId: string): string {
  return `authchart:${userPoolId}:${clientId}`;
}

interface StoredSessionV1 {
  version: 1;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  driftMs: number;
}

export function serializeSession(session: Session): string {
  const stored: StoredSessionV1 = {
    version: STORED_SESSION_VERSION,
    ...session.tokens,
    driftMs: session.driftMs,
  };
  return JSON.stringify(stored);
}

/**
 * Parses and validates what storage held. Anything unexpected (not JSON, another version,
 * tampered or foreign tokens) is an `invalidStorage` AuthError: the caller clears it.
 * Expired tokens are returned as they are; the caller decides whether to refresh.
 */
export function parseStoredSession(raw: string, expected: SessionExpectations, now: number): Session {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw invalidStorage('The stored session is not valid JSON.');
  }
  if (!isStoredSessionV1(data)) throw invalidStorage('The stored session has an unknown version or shape.');
  try {
    const { idToken, accessToken, refreshToken, driftMs } = data;
    return createSession({ idToken, accessToken, refreshToken }, expected, now, driftMs);
  } catch (error) {
    throw invalidStorage(`The stored session was rejected: ${error instanceof Error ? error.message : 'invalid'}`, error);
  }
}

function isStoredSessionV1(data: unknown): data is StoredSessionV1 {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return (
    record.version === STORED_SESSION_VERSION &&
    typeof record.idToken === 'string' &&
    typeof record.accessToken === 'string' &&
    typeof record.refreshToken === 'string' &&
    typeof record.driftMs === 'number' &&
    Number.isFinite(record.driftMs)
  );
}

function invalidStorage(message: string, cause?: unknown): AuthError {
  return new AuthError('invalidStorage', message, { cause });
}
