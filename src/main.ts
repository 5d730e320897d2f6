import { mount } from 'svelte';
import App from './App.svelte';
import { appConfig } from './appConfig.js';
import { createAuth } from '../machines/index.js';
import { AuthState } from './lib/AuthState.svelte.js';
import NotConfigured from './components/NotConfigured.svelte';

const config = appConfig();
const target = document.getElementById('app')!;

if (config) {
  const auth = createAuth(config);
  mount(App, { target, props: { authState: new AuthState(auth) } });
} else {
  mount(NotConfigured, { target });
}
