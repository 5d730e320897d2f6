// authchart with the `authchart/oauth` entry, as an app with managed login uses it: the
// difference from the core's line is what the redirect, the return and the hosted sign-out cost.
import { createAuth } from '../../../machines/index.js';
import { hostedUi } from '../../../machines/oauth/index.js';
import { showResult } from './appShell.js';

const auth = createAuth({
  userPoolId: 'eu-west-1_AbC123xyZ',
  clientId: '1example23456789',
  oauth: hostedUi({ domain: 'https://example.auth.eu-west-1.amazoncognito.com', redirectUri: 'https://app.example.com/' }),
});

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await auth.signInWithRedirect({ provider: 'Google' });
  showResult(0, await (await auth.fetch('/api/notes')).text());
  await auth.signOut();
});
