import type { AuthError } from './AuthError.js';
import type { Credentials } from './AuthContext.js';
import type { FirstFactor, MfaType } from './challenges/Challenge.js';
import type { RedirectOptions, RedirectResponse } from './oauth/OAuthPort.js';
import type { SessionEndReason } from './SessionEndReason.js';

export type AuthEvent =
  | ({ type: 'SIGN_IN' } & Credentials)
  | { type: 'SIGN_OUT'; global?: boolean }
  /** Managed login: to the pool's sign-in page (with PKCE); the page navigates away. */
  | { type: 'SIGN_IN_WITH_REDIRECT'; options: RedirectOptions }
  /** The page loaded at the redirect URI with the authorization server's answer (sent at start-up). */
  | { type: 'REDIRECT_RETURNED'; response: RedirectResponse }
  /** Leaves a sign-in challenge in progress. */
  | { type: 'CANCEL' }
  /** Answers NEW_PASSWORD_REQUIRED; `attributes` are the ones Cognito lists as required. */
  | { type: 'COMPLETE_NEW_PASSWORD'; newPassword: string; attributes?: Record<string, string> }
  /** Answers SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, or verifies the TOTP app during MFA_SETUP. */
  | { type: 'SUBMIT_MFA_CODE'; code: string }
  | { type: 'SELECT_MFA_TYPE'; mfaType: MfaType }
  /**
   * Choice-based sign-in: the way in the user chose from `challenge.firstFactor.choices`, with the
   * password when that is the choice (PASSWORD, PASSWORD_SRP).
   */
  | { type: 'SELECT_CHALLENGE'; challenge: FirstFactor; password?: string }
  /** Choice-based sign-in: send the one-time code (EMAIL_OTP, SMS_OTP) again. */
  | { type: 'RESEND_CODE' }
  /** Choice-based sign-in: back from the code or passkey to the choice. */
  | { type: 'CHOOSE_AGAIN' }
  /** Answers CUSTOM_CHALLENGE (custom auth): what the pool's Lambda trigger asked for. */
  | { type: 'SUBMIT_CUSTOM_CHALLENGE'; answer: string }
  /** Refresh now (the app knows better, or tokens are within the lead window); ignored unless signed in. */
  | { type: 'REFRESH' }
  /**
   * The API answered 401 to a request made with the token `tokenId` (see `tokenIdOf`). Refreshes
   * only while that token is still the current one, so concurrent 401s share one refresh.
   */
  | { type: 'TOKEN_REJECTED'; tokenId: string }
  /** The API answered 401 again to freshly refreshed tokens: the session is over (reason `revoked`). */
  | { type: 'SESSION_REVOKED'; tokenId: string }
  | { type: 'STORAGE_FALLBACK'; error: AuthError }
  /** Another tab stored a new session (signed in or refreshed); `stored` is what it wrote. */
  | { type: 'SESSION_CHANGED_ELSEWHERE'; stored: string }
  /** Another tab's session ended; this tab's, sharing the same tokens, ends the same way. */
  | { type: 'SIGNED_OUT_ELSEWHERE'; reason: SessionEndReason }
  /**
   * The user was deleted (DeleteUser answered; `authchart/account`'s `deleteUser` sends it): the
   * session ends here and in every tab, reason `deleted`, with nothing to revoke.
   */
  | { type: 'ACCOUNT_DELETED' }
  /** Another tab holds the refresh lock and is refreshing the shared session. */
  | { type: 'REFRESH_STARTED_ELSEWHERE' }
  /** That refresh failed; no new session will come from it. */
  | { type: 'REFRESH_FAILED_ELSEWHERE' }
  /** This tab now holds the cross-tab refresh lock. */
  | { type: 'LOCK_ACQUIRED' }
  /** The page woke up (visible, online, focus, pageshow): timers may have missed their time. */
  | { type: 'WAKE' }
  /** The user did something in this tab. */
  | { type: 'USER_ACTIVE' }
  /** The user did something in another tab: it counts here too, but is not passed on again. */
  | { type: 'ACTIVE_ELSEWHERE' }

/** Emitted to `actor.on(...)` listeners. */
export type AuthEmitted =
  | { type: 'storageFallback'; error: AuthError }
  /** Signed in, but the device the pool tracks could not be confirmed (or no `devices` port was given). */
  | { type: 'deviceNotRemembered'; error: AuthError };
