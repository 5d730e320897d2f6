import type { SessionEndReason } from './SessionEndReason.js';

/**
 * The session ends of `expired`: the refresh token was refused, or the API refused fresh tokens.
 * The user did not ask for either, so the app asks them to sign in again where they are; the
 * reason is kept until the next session, which is how a sign-in knows it is that second try.
 */
export function asksToSignInAgain(reason: SessionEndReason | null): boolean {
  return reason === 'expired' || reason === 'revoked';
}
