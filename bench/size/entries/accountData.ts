// authchart with the `authchart/account` entry's user data, as an app with a profile page uses it:
// the difference from the core's line is what GetUser, the attribute changes with their codes and
// DeleteUser cost.
import { createAccountData } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { readCredentials, showResult } from './appShell.js';

const auth = createAuth({ userPoolId: 'eu-west-1_AbC123xyZ', clientId: '1example23456789' });
const data = createAccountData(auth);

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { username } = readCredentials();
  const user = await data.getUser();
  await data.updateUserAttributes({ email: `${username}@example.com` });
  await data.verifyUserAttribute('email', '123456');
  showResult(Object.keys(user.attributes).length, await (await auth.fetch('/api/notes')).text());
  await data.deleteUser();
});
