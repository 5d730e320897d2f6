// authchart with the `authchart/devices` entry, as an app on a pool that tracks devices uses it:
// the difference from the core's line is what confirming, proving and listing devices cost.
import { createDevices, rememberedDevices } from '../../../machines/devices/index.js';
import { createAuth } from '../../../machines/index.js';
import { showResult } from './appShell.js';

const auth = createAuth({
  userPoolId: 'eu-west-1_AbC123xyZ',
  clientId: '1example23456789',
  devices: rememberedDevices(),
});
const devices = createDevices(auth);

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await auth.signIn({ username: 'demo', password: 'correct horse battery staple' });
  await devices.rememberDevice();
  showResult((await devices.listDevices()).length, await (await auth.fetch('/api/notes')).text());
  await auth.signOut();
});
