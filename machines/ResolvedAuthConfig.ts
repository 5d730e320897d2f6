/** Configuration after validation and defaults (see createAuth). */
export interface ResolvedAuthConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** The `iss` every token must carry. */
  issuer: string;
  /** The Cognito endpoint when it is not AWS's (an emulator). */
  endpoint: string | undefined;
  refreshLeadMs: number;
  /** First wait after a transient refresh failure; doubles per attempt up to `retryMaxDelayMs`. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  storageKey: string;
  /** How long a sign-in challenge may wait for an answer (Cognito's session: 3 minutes by default). */
  challengeTimeoutMs: number;
  /** Every Cognito request of the default transports gives up after this long. */
  requestTimeoutMs: number;
  /**
   * A tab holding the cross-tab refresh lock longer than this has died or frozen: the lock is
   * taken from it. Longer than a refresh may take (two requests, with the fallback), so a live
   * holder is never robbed.
   */
  lockTimeoutMs: number;
  /** How long a tab granted the lock waits for the outcome another tab announced it was refreshing. */
  otherTabNewsWaitMs: number;
  /** The issuer shown in authenticator apps for TOTP. */
  totpIssuer: string;
  /**
   * How to refresh: `auto` tries GetTokensFromRefreshToken (required when the app client rotates
   * refresh tokens) and falls back to InitiateAuth REFRESH_TOKEN_AUTH where it is unsupported.
   */
  refreshApi: RefreshApi;
  authFlow: SignInFlow;
  /** Sign out after this long without activity in any tab (a warning comes first); null: never. */
  idleTimeoutMs: number | null;
  /** How long the "still there?" warning lasts before the idle sign-out. */
  idleWarningMs: number;
  /** Sign out this long after the user authenticated (`auth_time`); null: never. */
  maxSessionAgeMs: number | null;
  /** Refresh attempts allowed per storm window, whatever the timers say: a guard against refresh storms. */
  maxRefreshesPerMinute: number;
  /** The storm guard's window: a minute (tests may widen it). */
  refreshStormWindowMs: number;
}

/**
 * How a user signs in: `USER_SRP_AUTH` proves the password without sending it (the app client
 * needs ALLOW_USER_SRP_AUTH, on by default); `USER_PASSWORD_AUTH` sends it over TLS
 * (ALLOW_USER_PASSWORD_AUTH); the custom flows hand over to the pool's Lambda triggers
 * (ALLOW_CUSTOM_AUTH), after an SRP proof of the password or without one; `USER_AUTH` lets the
 * user choose among the ways in the pool allows (password, a code by email or SMS, a passkey:
 * ALLOW_USER_AUTH, and the pool's sign-in policy).
 */
export type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_WITH_SRP' | 'CUSTOM_WITHOUT_SRP' | 'USER_AUTH';

export const SIGN_IN_FLOWS: readonly SignInFlow[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_WITH_SRP', 'CUSTOM_WITHOUT_SRP', 'USER_AUTH'];

export type RefreshApi = 'auto' | 'getTokensFromRefreshToken' | 'initiateAuth';
