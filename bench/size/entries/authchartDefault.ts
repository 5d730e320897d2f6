// authchart as an app uses it, with the default fetch transport: sign in, read tokens, call an
// API, sign out. Only what this file reaches is bundled, as in an app.
import { createAuth } from '../../../machines/index.js';
import { readCredentials, showResult } from './appShell.js';

const auth = createAuth({ userPoolId: 'eu-west-1_AbC123xyZ', clientId: '1example23456789' });

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await auth.signIn(readCredentials());
  const tokens = await auth.getTokens();
  const response = await auth.fetch('/api/notes');
  showResult(tokens?.idToken.length, await response.text());
  await auth.signOut();
});
