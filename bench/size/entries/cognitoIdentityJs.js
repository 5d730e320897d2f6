// @ts-nocheck -- bench/node_modules (amazon-cognito-identity-js) is installed on first `npm run bench` only.
// amazon-cognito-identity-js doing the same job as authchartDefault.ts: authenticateUser,
// refreshSession, an API call with the ID token, signOut.
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { readCredentials, showResult } from './appShell.js';

const pool = new CognitoUserPool({ UserPoolId: 'eu-west-1_AbC123xyZ', ClientId: '1example23456789' });

document.querySelector('form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const { username, password } = readCredentials();
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
    onSuccess: (session) => {
      user.refreshSession(session.getRefreshToken(), async (error, refreshed) => {
        if (error) return;
        const idToken = refreshed.getIdToken().getJwtToken();
        const response = await fetch('/api/notes', { headers: { Authorization: idToken } });
        showResult(idToken.length, await response.text());
        user.signOut();
      });
    },
    onFailure: () => {},
  });
});
