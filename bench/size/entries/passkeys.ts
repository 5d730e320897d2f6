// authchart with the `authchart/choice` and `authchart/passkeys` entries, as an app with
// choice-based sign-in and passkeys uses them: the difference from the core's line is what the
// USER_AUTH requests, the browser's WebAuthn and passkey management cost.
import { choiceBasedSignIn } from '../../../machines/choice/index.js';
import { createAuth } from '../../../machines/index.js';
import { browserPasskeys, createPasskeys } from '../../../machines/passkeys/index.js';
import { showResult } from './appShell.js';

const auth = createAuth({
  userPoolId: 'eu-west-1_AbC123xyZ',
  clientId: '1example23456789',
  authFlow: 'USER_AUTH',
  choice: choiceBasedSignIn(),
  passkeys: browserPasskeys(),
});
const passkeys = createPasskeys(auth);

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await auth.signIn({ username: 'demo', preferredChallenge: 'WEB_AUTHN' });
  await passkeys.register();
  showResult((await passkeys.list()).length, await (await auth.fetch('/api/notes')).text());
  await auth.signOut();
});
