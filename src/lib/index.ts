// Svelte 5 bindings for authchart. Exported by name: what is not listed here is internal.
// The forms (sign-in challenges, TOTP set-up) and their helpers are in ./forms.ts: load it on
// demand (`loadAuthForms()`) or import it from pages that are themselves lazy, so that none of it
// weighs on the initial bundle.
export { AuthState } from './AuthState.svelte.js';
export type { AuthSnapshot } from './AuthState.svelte.js';
export { default as AuthProvider } from './AuthProvider.svelte';
export { getAuthState, setAuthState } from './authContext.js';
export { default as ReauthDialog } from './ReauthDialog.svelte';
export { guardRoute, guardGuestRoute, returnToOrFallback } from './guardRoute.js';
export type { GuardOptions, GuardResult, GuestGuardOptions } from './guardRoute.js';
export { safeReturnTo } from './safeReturnTo.js';
export { AUTH_ERROR_MESSAGES, NOTICE_MESSAGES, SESSION_END_MESSAGES, authErrorMessage } from './authMessages.js';
// A debug aid, opt-in: create one where a panel shows it, and dispose of it with the panel.
export { TransitionLog } from './TransitionLog.svelte.js';
export type { Transition } from './TransitionLog.svelte.js';
export { Now } from './Now.svelte.js';
export { loadAuthForms } from './loadForms.js';
