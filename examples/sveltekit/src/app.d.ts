// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  // The pool and the API, from the build's environment (README.md): Vite inlines them.
  interface ImportMetaEnv {
    readonly VITE_COGNITO_USER_POOL_ID?: string;
    readonly VITE_COGNITO_CLIENT_ID?: string;
    readonly VITE_COGNITO_REGION?: string;
    readonly VITE_COGNITO_ENDPOINT?: string;
    readonly VITE_AUTH_FLOW?: string;
    readonly VITE_API_URL?: string;
  }
}

export {};
