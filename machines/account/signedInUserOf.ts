import { AuthError } from '../AuthError.js';
import type { Auth } from '../createAuth.js';
import type { SignedInUser } from './SettingsContext.js';

/** The auth's user for a request: a usable access token (refreshed first when due), and a name. */
export async function signedInUserOf(auth: Auth): Promise<SignedInUser> {
  const tokens = await auth.getTokens();
  const user = auth.user();
  if (!tokens || !user) throw new AuthError('notSignedIn', 'Sign in first: this needs a signed-in user.');
  return { accessToken: tokens.accessToken, accountName: user.username ?? user.email ?? user.sub };
}
