// The `authchart/svelte/account` entry: runes views of the `authchart/account` charts. Only pages
// that offer sign-up, password reset or account settings import it, so no other page loads them.
export { AccountState, accountStateFor } from './AccountState.svelte.js';
export { AccountSettingsState, accountSettingsFor } from './AccountSettingsState.svelte.js';
