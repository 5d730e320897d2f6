import type { SimulatedClock } from 'xstate';
import { AuthError, type CognitoOperation, type CognitoOperations, type CognitoTransport } from '../../machines/index.js';
import { makeTokenSet, TEST_POOL } from './fakeTokens.js';
import { recordWireRequest } from './wire/recordWireRequest.js';

/**
 * A Cognito with refresh-token rotation and a grace period of 0: each refresh token works once,
 * and a spent one is refused with RefreshTokenReuseException. Every answer takes `latencyMs` of
 * simulated time, so tabs that ask together really overlap.
 */
export class RotatingCognito implements CognitoTransport {
  /** Simulated times of every refresh request, and of those refused as reuse. */
  readonly refreshRequests: number[] = [];
  readonly reuses: number[] = [];
  #current = '';
  #serial = 0;
  /** When the user signed in (seconds): refreshed tokens keep it as `auth_time`, as Cognito's do. */
  #authTime = 0;

  constructor(
    private readonly clock: SimulatedClock,
    private readonly lifetimeSeconds: number,
    private readonly latencyMs: number,
  ) {}

  async call<Op extends CognitoOperation>(operation: Op, input: CognitoOperations[Op]['input']): Promise<CognitoOperations[Op]['output']> {
    recordWireRequest('RotatingCognito', operation, input);
    await new Promise((resolve) => this.clock.setTimeout(resolve, this.latencyMs));
    if (operation === 'InitiateAuth') {
      this.#authTime = Math.floor(this.clock.now() / 1000);
      return this.#issue() as CognitoOperations[Op]['output'];
    }
    if (operation === 'GetTokensFromRefreshToken') {
      const { RefreshToken } = input as CognitoOperations['GetTokensFromRefreshToken']['input'];
      this.refreshRequests.push(this.clock.now());
      if (RefreshToken !== this.#current) {
        this.reuses.push(this.clock.now());
        throw new AuthError('refreshRejected', 'Refresh token has been reused.', { cognitoName: 'RefreshTokenReuseException' });
      }
      return this.#issue() as CognitoOperations[Op]['output'];
    }
    return {} as CognitoOperations[Op]['output'];
  }

  #issue() {
    const iatSeconds = Math.floor(this.clock.now() / 1000);
    const tokens = makeTokenSet({
      iatSeconds,
      authAgeSeconds: iatSeconds - this.#authTime,
      lifetimeSeconds: this.lifetimeSeconds,
      serial: ++this.#serial,
      clientId: TEST_POOL.clientId,
    });
    this.#current = tokens.refreshToken;
    return {
      AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken },
    };
  }
}
