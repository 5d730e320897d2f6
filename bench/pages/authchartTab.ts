// A tab of an app using authchart as documented: `local` storage, so tabs share the session and
// coordinate refreshes (BroadcastChannel + Web Locks, the defaults).
import { createAuth } from '../../machines/index.js';
import { installTabHarness, pageSettings } from './tabHarness.js';

const settings = pageSettings();
const createdAt = performance.now();
const auth = createAuth({ ...settings, storage: 'local' });

installTabHarness({
  createdAt,
  signIn: async (username, password) => {
    await auth.signIn({ username, password });
  },
  getIdToken: async () => (await auth.getTokens())?.idToken ?? null,
});
