// authchart with the `authchart/account` entry's settings, as an app with a settings page uses
// them: the difference from the core's line is what the password change, TOTP set-up and MFA
// preference cost.
import { createAccountSettings } from '../../../machines/account/index.js';
import { createAuth } from '../../../machines/index.js';
import { readCredentials, showResult } from './appShell.js';

const auth = createAuth({ userPoolId: 'eu-west-1_AbC123xyZ', clientId: '1example23456789' });
const settings = createAccountSettings(auth);

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { password } = readCredentials();
  await settings.changePassword({ previousPassword: password, proposedPassword: `${password}!` });
  const setup = await settings.setUpTotp();
  showResult(setup.otpauthUri.length, await (await auth.fetch('/api/notes')).text());
  await auth.signOut();
});
