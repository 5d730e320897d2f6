import type { TokenStorage } from '../storage/TokenStorage.js';

type PendingStorage = Pick<TokenStorage, 'getItem' | 'setItem' | 'removeItem'>;

/** An authorization request on its way: what the return needs, kept in this tab until then. */
export interface PendingRequest {
  state: string;
  nonce: string;
  /** The PKCE code verifier: a secret, never sent until the code exchange. */
  verifier: string;
  redirectUri: string;
  customState: string | null;
}

const keyOf = (clientId: string) => `authchart:oauth:${clientId}:pending`;

export function keepPendingRequest(storage: PendingStorage, clientId: string, request: PendingRequest): void {
  storage.setItem(keyOf(clientId), JSON.stringify(request));
}

/** The pending request, removed as it is read: a code is exchanged at most once. Null when none (or unreadable). */
export function takePendingRequest(storage: PendingStorage, clientId: string): PendingRequest | null {
  const raw = storage.getItem(keyOf(clientId));
  storage.removeItem(keyOf(clientId));
  if (!raw) return null;
  try {
    const request = JSON.parse(raw) as Partial<PendingRequest>;
    const strings = [request.state, request.nonce, request.verifier, request.redirectUri];
    return strings.every((value) => typeof value === 'string' && value !== '') ? (request as PendingRequest) : null;
  } catch {
    return null;
  }
}

export function forgetPendingRequest(storage: PendingStorage, clientId: string): void {
  storage.removeItem(keyOf(clientId));
}
