import type { ResolvedAuthConfig } from '../ResolvedAuthConfig.js';
import type { Clock } from '../AuthPorts.js';
import type { Session } from '../tokens/Session.js';

/** What came back to the redirect URI: a code to exchange, or the authorization server's refusal. */
export type RedirectResponse =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description: string | null; state: string | null };

/** `signInWithRedirect`'s options. */
export interface RedirectOptions {
  /** An identity provider of the pool (`Google`, `SignInWithApple`, a SAML or OIDC name): skips the choice page. */
  provider?: string;
  /** Given back to the app after the return (`context.customState`): e.g. the page to go back to. Not a secret. */
  customState?: string;
  /** Pre-fills the username or email on the sign-in page. */
  loginHint?: string;
}

/** The code exchanged for a session (its tokens checked), and the app's custom state. */
export interface RedirectResult {
  session: Session;
  customState: string | null;
}

/**
 * Managed login (Cognito's hosted UI) as a port of the session chart: `hostedUi(…)` from the
 * `authchart/oauth` entry makes one, so apps that never redirect do not carry the OAuth code.
 * The chart decides when; the port does the browser's part (storage of the pending request,
 * navigation, the address bar), the HTTP exchange and the checks of what came back.
 */
export interface OAuthPort {
  /**
   * Reads a redirect response from the address bar and removes it (so a reload cannot replay it);
   * null when none, and then a request left pending in this tab (the user came back without
   * finishing) is forgotten, its verifier with it.
   */
  takeRedirectResponse(config: ResolvedAuthConfig): RedirectResponse | null;
  /** Keeps the PKCE verifier, `state` and `nonce` for the return (this tab only), then navigates to /oauth2/authorize. */
  startRedirect(options: RedirectOptions, config: ResolvedAuthConfig): Promise<void>;
  /**
   * Checks `state` against the pending request (used once, then forgotten), exchanges the code and
   * makes the session: the tokens held to every sign-in's checks, the ID token's `nonce` to the request's.
   */
  completeRedirect(response: RedirectResponse, config: ResolvedAuthConfig, clock: Clock, signal: AbortSignal): Promise<RedirectResult>;
  /** Remembers that the user `sub` signed in through managed login (for the sign-out). */
  rememberHostedSignIn(sub: string, config: ResolvedAuthConfig): void;
  /** After the sign-out of `sub`: ends the managed-login session too (/logout) if it began there. */
  endHostedSession(sub: string, config: ResolvedAuthConfig): void;
}
