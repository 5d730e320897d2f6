// The `authchart/svelte/account` entry: runes views of the `authchart/account` charts. Only pages
// that offer sign-up, password reset, account settings or the user's own data import it, so no
// other page loads them.
export { AccountState, accountStateFor } from './AccountState.svelte.js';
export { AccountSettingsState, accountSettingsFor } from './AccountSettingsState.svelte.js';
export { AccountDataState, accountDataFor } from './AccountDataState.svelte.js';
