import { mount } from 'svelte';
import './lib/authForms.css';
import './app.css';
import { createAuth } from '../machines/index.js';
import App from './App.svelte';
import { appConfig, tracksDevices, waysIn } from './appConfig.js';
import NotConfigured from './components/NotConfigured.svelte';
import { devInspector, toggleLocalInspector, wantsLocalInspector } from './devInspector.js';

// No top-level await here: with one, the bundler cannot let lazy pages import from the entry
// chunk, and splits the shared code into half a dozen extra chunks loaded at start.
async function start(target: HTMLElement): Promise<void> {
  const config = appConfig();
  if (!config) {
    mount(NotConfigured, { target });
    return;
  }
  const inspect = await devInspector(location.search);
  // The worker tier is its own entry: only a build that asks for it loads it.
  const storage = config.storage === 'worker' ? (await import('../machines/worker/index.js')).workerTier() : config.storage;
  // Managed login is its own entry too: only a build with a domain loads it.
  const { oauth: hostedUiOptions, ...options } = config;
  const oauth = hostedUiOptions ? (await import('../machines/oauth/index.js')).hostedUi(hostedUiOptions) : undefined;
  // So are choice-based sign-in and passkeys: only a build that offers other ways in loads them
  // (passkeys null where the browser has no WebAuthn). The passkey module itself, not its entry:
  // the account page imports the entry statically, and a dynamic import of that would pull the
  // chunks they share into start-up.
  const ways = waysIn();
  const choice = ways.length > 0 || options.authFlow === 'USER_AUTH' ? (await import('../machines/choice/index.js')).choiceBasedSignIn() : undefined;
  const passkeys = ways.includes('WEB_AUTHN') ? (await import('../machines/passkeys/browserPasskeys.js')).browserPasskeys() : undefined;
  // Only a build for a pool that tracks devices loads remembered devices.
  const devices = tracksDevices() ? (await import('../machines/devices/rememberedDevices.js')).rememberedDevices() : undefined;
  const auth = createAuth({
    ...options,
    storage,
    ...(inspect ? { inspect } : {}),
    ...(oauth ? { oauth } : {}),
    ...(choice ? { choice } : {}),
    ...(passkeys ? { passkeys } : {}),
    ...(devices ? { devices } : {}),
  });
  mount(App, { target, props: { auth } });
  if (wantsLocalInspector(location.search)) void toggleLocalInspector(auth);
}

void start(document.getElementById('app')!);
