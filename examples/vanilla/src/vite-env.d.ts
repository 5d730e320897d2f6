/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
  readonly VITE_COGNITO_REGION?: string;
  /** An emulator such as cognito-local, e.g. http://127.0.0.1:9229; unset for real Cognito. */
  readonly VITE_COGNITO_ENDPOINT?: string;
  /** `USER_PASSWORD_AUTH` for cognito-local, which has no SRP; unset means SRP, authchart's default. */
  readonly VITE_AUTH_FLOW?: string;
  /** The API `auth.fetch` calls; default `/api/notes` on the page's own origin. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
