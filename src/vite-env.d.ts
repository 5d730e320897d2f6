/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
  readonly VITE_COGNITO_REGION?: string;
  /** Set by `npm run dev` for cognito-local; absent for a real pool. */
  readonly VITE_COGNITO_ENDPOINT?: string;
  readonly VITE_AUTH_FLOW?: string;
  /** Where the demo keeps tokens: `local` (default), `session`, `memory` or `worker`. */
  readonly VITE_AUTH_STORAGE?: string;
}
