/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
  readonly VITE_COGNITO_REGION?: string;
  /** Set by `npm run dev` for cognito-local; absent for a real pool. */
  readonly VITE_COGNITO_ENDPOINT?: string;
  /** The tokens' issuer when it is not the endpoint's (a proxy in front of the emulator). */
  readonly VITE_COGNITO_ISSUER?: string;
  readonly VITE_AUTH_FLOW?: string;
  /** Where the demo keeps tokens: `local` (default), `session`, `memory` or `worker`. */
  readonly VITE_AUTH_STORAGE?: string;
  /**
   * Ways in besides the password that the sign-in page offers through choice-based sign-in
   * (USER_AUTH), comma-separated: `WEB_AUTHN` (a passkey), `EMAIL_OTP`, `SMS_OTP`.
   */
  readonly VITE_AUTH_WAYS_IN?: string;
  /** `remembered` on a pool that tracks devices (infra's `deviceTracking`). */
  readonly VITE_AUTH_DEVICES?: string;
  /** Managed login: the pool's domain (`npm run dev`: the local provider); absent = no "Continue with…". */
  readonly VITE_OAUTH_DOMAIN?: string;
  /** One of the app client's callback URLs; default this origin's /sign-in. */
  readonly VITE_OAUTH_REDIRECT_URI?: string;
  /** One of its sign-out URLs; default this origin's /. */
  readonly VITE_OAUTH_SIGN_OUT_URI?: string;
  /** An identity provider of the pool to go straight to (`Google`…), and how the button names it. */
  readonly VITE_OAUTH_PROVIDER?: string;
  readonly VITE_OAUTH_LABEL?: string;
}
