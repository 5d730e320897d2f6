// @ts-nocheck -- bench/node_modules (aws-amplify) is installed on first `npm run bench` only.
// Amplify v6 doing the same job as authchartDefault.ts: configure, sign in, tokens, API call, sign out.
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { readCredentials, showResult } from './appShell.js';

Amplify.configure({ Auth: { Cognito: { userPoolId: 'eu-west-1_AbC123xyZ', userPoolClientId: '1example23456789' } } });

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await signIn({ ...readCredentials(), options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  const { tokens } = await fetchAuthSession();
  const idToken = tokens?.idToken?.toString() ?? '';
  const response = await fetch('/api/notes', { headers: { Authorization: idToken } });
  showResult(idToken.length, await response.text());
  await signOut();
});
