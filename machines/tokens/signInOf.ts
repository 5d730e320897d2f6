import type { EndedSignIn } from '../AuthContext.js';
import type { Session } from './Session.js';

/** The sign-in a session belongs to: the user and when they authenticated (refreshes keep it). */
export function signInOf(session: Session): EndedSignIn {
  return { sub: session.idClaims.sub, authTime: session.idClaims.auth_time ?? session.idClaims.iat };
}
