import type { CognitoOperation, CognitoOperations, CognitoTransport } from '../cognito/CognitoTransport.js';

const HANDLE_PREFIX = 'vault:';

/**
 * Keeps refresh tokens where page scripts cannot read them (inside a Web Worker): every refresh
 * token Cognito returns is swapped for an opaque handle before the answer leaves the vault, and
 * every handle in a request is swapped back before it goes to Cognito. The page, its storage and
 * an XSS payload only ever see `vault:<id>`, which is worthless outside this worker.
 */
export function createRefreshTokenVault(transport: CognitoTransport, newId: () => string): CognitoTransport {
  const refreshTokens = new Map<string, string>();

  function reveal(handle: string | undefined): string | undefined {
    if (!handle?.startsWith(HANDLE_PREFIX)) return handle;
    return refreshTokens.get(handle) ?? handle;
  }

  /** The request with handles replaced by the refresh tokens they stand for. */
  function revealIn<Op extends CognitoOperation>(operation: Op, input: CognitoOperations[Op]['input']) {
    const request = structuredClone(input) as Record<string, unknown> & { AuthParameters?: Record<string, string> };
    if (request.AuthParameters?.REFRESH_TOKEN) request.AuthParameters.REFRESH_TOKEN = reveal(request.AuthParameters.REFRESH_TOKEN)!;
    if (operation === 'GetTokensFromRefreshToken') request.RefreshToken = reveal(request.RefreshToken as string);
    if (operation === 'RevokeToken') request.Token = reveal(request.Token as string);
    return request as CognitoOperations[Op]['input'];
  }

  /**
   * A rotated token keeps its handle, so the page's copy stays valid; a new one gets a new handle.
   * A refresh answered after its handle was revoked (sign-out won the race) files nothing: the
   * session is over, and its new token must not outlive it here.
   */
  function concealIn(output: unknown, usedHandle: string | undefined): void {
    const result = (output as { AuthenticationResult?: { RefreshToken?: string } } | undefined)?.AuthenticationResult;
    if (!result?.RefreshToken) return;
    const rotated = usedHandle?.startsWith(HANDLE_PREFIX) === true;
    if (rotated && !refreshTokens.has(usedHandle!)) {
      result.RefreshToken = usedHandle;
      return;
    }
    const handle = rotated ? usedHandle! : `${HANDLE_PREFIX}${newId()}`;
    refreshTokens.set(handle, result.RefreshToken);
    result.RefreshToken = handle;
  }

  return {
    async call(operation, input, options) {
      const asRecord = input as { AuthParameters?: Record<string, string>; RefreshToken?: string; Token?: string };
      const usedHandle = asRecord.AuthParameters?.REFRESH_TOKEN ?? asRecord.RefreshToken ?? asRecord.Token;
      try {
        const output = await transport.call(operation, revealIn(operation, input), options);
        concealIn(output, usedHandle);
        return output;
      } finally {
        // A revoked token is gone either way: never keep it around.
        if (operation === 'RevokeToken' && usedHandle) refreshTokens.delete(usedHandle);
      }
    },
  };
}
