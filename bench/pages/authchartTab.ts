// A tab of an app using authchart as documented: `local` storage, so tabs share the session and
// coordinate refreshes (BroadcastChannel + Web Locks, the defaults).
import { createAuth } from '../../machines/index.js';
import { installTabHarness, pageSettings } from './tabHarness.js';

const settings = pageSettings();
const createdAt = performance.now();
// cognito-local has no SRP.
const auth = createAuth({ ...settings, storage: 'local', authFlow: 'USER_PASSWORD_AUTH' });

installTabHarness({
  createdAt,
  signIn: async (username, password) => {
    await auth.signIn({ username, password });
  },
  getIdToken: async () => (await auth.getTokens())?.idToken ?? null,
});
