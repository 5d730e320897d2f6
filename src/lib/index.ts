// Svelte 5 bindings for authchart. Exported by name: what is not listed here is internal.
export { AuthState } from './AuthState.svelte.js';
export type { AuthSnapshot, AuthStateOptions } from './AuthState.svelte.js';
export { default as AuthProvider } from './AuthProvider.svelte';
export { getAuthState, setAuthState } from './authContext.js';
export { default as ReauthDialog } from './ReauthDialog.svelte';
export { guardRoute, guardGuestRoute, returnToOrFallback } from './guardRoute.js';
export type { GuardOptions, GuardResult, GuestGuardOptions } from './guardRoute.js';
export { safeReturnTo } from './safeReturnTo.js';
export { AUTH_ERROR_MESSAGES, SESSION_END_MESSAGES, authErrorMessage } from './authMessages.js';
export { TransitionLog } from './TransitionLog.svelte.js';
export type { Transition } from './TransitionLog.svelte.js';
export { Now } from './Now.svelte.js';
