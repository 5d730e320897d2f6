import { AuthError } from '../AuthError.js';

/**
 * What a request in flight reports when the session ends under it: Cognito may or may not have
 * applied it, so it is never reported as done.
 */
export function interruptedError(): AuthError {
  return new AuthError('interrupted', 'That did not finish: the session ended meanwhile; please sign in and try again.');
}
