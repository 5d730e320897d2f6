// The one auth of this app, created in the browser and only there. Tokens live in the
// browser's storage, so the server never has a session to render: it renders a neutral shell
// (see routes/(session)/+layout.svelte). A module-level singleton is safe only because of that:
// on the server it would be shared by every request, which is why getAuth() refuses to run there.
import { browser } from '$app/environment';
import { createAuth, type Auth, type AuthConfig, type SignInFlow } from 'authchart';

const env = import.meta.env;

/**
 * What the guards' `load` functions declare with `depends()`: SessionWatch invalidates it when
 * the session starts or ends (here or in another tab), and SvelteKit runs those guards again.
 */
export const SESSION_DEPENDENCY = 'authchart:session';

let auth: Auth | undefined;

/** The auth, made on first use; null when the build has no pool configured (README.md). */
export function getAuth(): Auth | null {
  if (!browser) throw new Error('getAuth() runs in the browser only: the session lives there');
  if (auth) return auth;
  const config = authConfig();
  if (!config) return null;
  auth = createAuth(config);
  return auth;
}

/** The API `auth.fetch` calls: VITE_API_URL, or /api/notes on the page's origin. */
export function apiUrl(): URL {
  return new URL(env.VITE_API_URL || '/api/notes', location.origin);
}

function authConfig(): AuthConfig | null {
  const userPoolId = env.VITE_COGNITO_USER_POOL_ID;
  const clientId = env.VITE_COGNITO_CLIENT_ID;
  if (!userPoolId || !clientId) return null;
  return {
    userPoolId,
    clientId,
    ...(env.VITE_COGNITO_REGION ? { region: env.VITE_COGNITO_REGION } : {}),
    ...(env.VITE_COGNITO_ENDPOINT ? { endpoint: env.VITE_COGNITO_ENDPOINT } : {}),
    // createAuth checks the value; unset means SRP (USER_SRP_AUTH).
    ...(env.VITE_AUTH_FLOW ? { authFlow: env.VITE_AUTH_FLOW as SignInFlow } : {}),
    // The token goes to the API's origin and nowhere else (an API Gateway is usually another
    // origin than the app; http is accepted for loopback only).
    apiOrigins: [apiUrl().origin],
  };
}
