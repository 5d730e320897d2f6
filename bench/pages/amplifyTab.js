// @ts-nocheck -- bench/node_modules (aws-amplify) is installed on first `npm run bench` only.
// A tab of an app using Amplify v6 with its defaults (tokens in localStorage), pointed at the
// bench's proxy in front of cognito-local, signing in with USER_PASSWORD_AUTH (the emulator has
// no SRP).
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn } from 'aws-amplify/auth';
import { installTabHarness, pageSettings } from './tabHarness.js';

const settings = pageSettings();
const createdAt = performance.now();
Amplify.configure({
  Auth: {
    Cognito: { userPoolId: settings.userPoolId, userPoolClientId: settings.clientId, userPoolEndpoint: settings.endpoint },
  },
});

installTabHarness({
  createdAt,
  signIn: async (username, password) => {
    await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  },
  getIdToken: async () => (await fetchAuthSession()).tokens?.idToken?.toString() ?? null,
});
