// authchart with the `authchart/account` entry, as an app offering sign-up and password reset
// uses it: the difference from the core's line is what the account flows cost.
import { createAccountFlows } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { readCredentials, showResult } from './appShell.js';

const auth = createAuth({ userPoolId: 'eu-west-1_AbC123xyZ', clientId: '1example23456789' });
const account = createAccountFlows(auth);

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const step = await account.signUp({ ...readCredentials(), autoSignIn: true });
  showResult(step.length, await (await auth.fetch('/api/notes')).text());
  await auth.signOut();
});
