import { mount } from 'svelte';
import './app.css';
import { createAuth } from '../machines/index.js';
import App from './App.svelte';
import { appConfig } from './appConfig.js';
import NotConfigured from './components/NotConfigured.svelte';
import { devInspector } from './devInspector.js';

const config = appConfig();
const target = document.getElementById('app')!;

if (config) {
  const inspect = await devInspector(location.search);
  const auth = createAuth({ ...config, ...(inspect ? { inspect } : {}) });
  mount(App, { target, props: { auth } });
} else {
  mount(NotConfigured, { target });
}
