import { AuthError } from '../AuthError.js';
import type { TokenSet } from '../tokens/Session.js';

export interface CodeExchange {
  tokenUrl: string;
  clientId: string;
  code: string;
  redirectUri: string;
  verifier: string;
  signal: AbortSignal;
}

/**
 * The authorization code for tokens at /oauth2/token (RFC 6749 §4.1.3 with RFC 7636's verifier;
 * a public client: no secret). Failures are AuthErrors; the code and verifier never appear in them.
 */
export async function exchangeCode(
  fetch: (input: string, init: RequestInit) => Promise<Response>,
  exchange: CodeExchange,
): Promise<TokenSet> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: exchange.clientId,
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.verifier,
  });
  let response: Response;
  try {
    response = await fetch(exchange.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: exchange.signal,
    });
  } catch (cause) {
    throw new AuthError('network', 'Could not reach the sign-in service; check the connection.', { cause });
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const error = typeof answer?.['error'] === 'string' ? answer['error'] : `HTTP ${response.status}`;
    if (error === 'invalid_grant') {
      throw new AuthError('redirectFailed', 'The sign-in code was already used or has expired; please sign in again.', { status: response.status });
    }
    throw new AuthError('redirectFailed', `The token endpoint refused the sign-in code (${error}).`, { status: response.status });
  }
  const { id_token: idToken, access_token: accessToken, refresh_token: refreshToken } = answer ?? {};
  if (typeof idToken !== 'string' || typeof accessToken !== 'string' || typeof refreshToken !== 'string') {
    throw new AuthError('invalidResponse', 'The token endpoint answered without an ID, access and refresh token.');
  }
  return { idToken, accessToken, refreshToken };
}
