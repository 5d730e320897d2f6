import type { SimulatedClock } from 'xstate';
import { AuthError, type CognitoOperation, type CognitoOperations, type CognitoTransport } from '../../machines/index.js';
import { makeTokenSet, TEST_POOL } from './fakeTokens.js';
import { recordWireRequest } from './wire/recordWireRequest.js';

/**
 * A Cognito on its own clock (`serverNow`, the true time), answering after `latencyMs` of
 * simulated time. Tokens are stamped when the request arrives, as the real service does, so the
 * latency is on the way back. `offline` makes every call fail as fetch does without a network.
 * Counts refresh requests and the most in flight at once.
 */
export class ClockedCognito implements CognitoTransport {
  /** Server-clock times of every refresh request. */
  readonly refreshRequests: number[] = [];
  refreshInFlight = 0;
  maxRefreshInFlight = 0;
  offline = false;
  #serial = 0;

  constructor(
    private readonly clock: SimulatedClock,
    private readonly serverNow: () => number,
    private readonly lifetimeSeconds: number,
    private readonly latencyMs: number,
  ) {}

  async call<Op extends CognitoOperation>(operation: Op, input: CognitoOperations[Op]['input']): Promise<CognitoOperations[Op]['output']> {
    recordWireRequest('ClockedCognito', operation, input);
    const isRefresh =
      operation === 'GetTokensFromRefreshToken' ||
      (operation === 'InitiateAuth' && (input as CognitoOperations['InitiateAuth']['input']).AuthFlow === 'REFRESH_TOKEN_AUTH');
    if (isRefresh) {
      this.refreshRequests.push(this.serverNow());
      this.refreshInFlight += 1;
      this.maxRefreshInFlight = Math.max(this.maxRefreshInFlight, this.refreshInFlight);
    }
    try {
      if (this.offline) throw new AuthError('network', 'Could not reach the user pool service; check the connection.', { operation });
      const answer = operation === 'InitiateAuth' || operation === 'GetTokensFromRefreshToken' ? this.#issue() : {};
      await new Promise((resolve) => this.clock.setTimeout(resolve, this.latencyMs));
      if (this.offline) throw new AuthError('network', 'Could not reach the user pool service; check the connection.', { operation });
      return answer as CognitoOperations[Op]['output'];
    } finally {
      if (isRefresh) this.refreshInFlight -= 1;
    }
  }

  #issue() {
    const tokens = makeTokenSet({
      iatSeconds: Math.floor(this.serverNow() / 1000),
      lifetimeSeconds: this.lifetimeSeconds,
      serial: ++this.#serial,
      clientId: TEST_POOL.clientId,
    });
    return {
      AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken },
    };
  }
}
