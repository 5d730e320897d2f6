// authchart on a plain page: createAuth, sign in, call an API with auth.fetch, sign out.
// Everything comes from the `authchart` package alone; no framework, no Svelte installed.
import { AuthError, createAuth, selectUser, type AuthConfig, type SignInFlow } from 'authchart';

const env = import.meta.env;
const apiUrl = env.VITE_API_URL || '/api/notes';

const $ = <T extends HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`index.html has no ${selector}`);
  return element;
};
const stateText = $('#state');
const errorText = $('#error');
const signInForm = $<HTMLFormElement>('#sign-in');
const signedInSection = $('#signed-in');
const userText = $('#user');
const apiResult = $('#api-result');

/** The pool comes from the build's environment (see README.md), never from the page's URL. */
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
  };
}

function showError(error: unknown): void {
  errorText.textContent = error instanceof AuthError ? `${error.code}: ${error.message}` : String(error);
}

const config = authConfig();
if (!config) {
  stateText.textContent = 'not configured';
  showError('Set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID (see README.md).');
} else {
  start(config);
}

function start(config: AuthConfig): void {
  const auth = createAuth(config);

  // The snapshot is the whole truth: render from it on every change.
  auth.actor.subscribe((snapshot) => {
    const value = snapshot.value;
    const state = typeof value === 'string' ? value : Object.keys(value)[0] ?? '';
    stateText.textContent = state;
    const user = selectUser(snapshot);
    const signedIn = user !== null && (snapshot.matches('signedIn') || snapshot.matches('refreshing'));
    signInForm.hidden = !snapshot.matches('signedOut');
    signedInSection.hidden = !signedIn;
    userText.textContent = user?.username ?? user?.sub ?? '';
    if (!signedIn) apiResult.textContent = '';
  });

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorText.textContent = '';
    const form = new FormData(signInForm);
    try {
      const next = await auth.signIn({ username: String(form.get('username')), password: String(form.get('password')) });
      // Challenges (new password, MFA, …) are out of this example's scope: the Svelte forms show them.
      if (next !== 'signedIn') showError(`Cognito asks for a further step: ${next}`);
      signInForm.reset();
    } catch (error) {
      showError(error);
    }
  });

  $('#call-api').addEventListener('click', async () => {
    errorText.textContent = '';
    try {
      // Sends the ID token (API Gateway's Cognito authorizer), refreshing first if it is about to expire.
      const response = await auth.fetch(apiUrl);
      apiResult.textContent = `${response.status} ${JSON.stringify(await response.json(), null, 2)}`;
    } catch (error) {
      showError(error);
    }
  });

  $('#sign-out').addEventListener('click', () => {
    errorText.textContent = '';
    void auth.signOut();
  });
}
