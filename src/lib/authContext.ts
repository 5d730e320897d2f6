import { createContext } from 'svelte';
import type { AuthState } from './AuthState.svelte.js';

const [getContext, setContext] = createContext<AuthState>();

/** The AuthState that the nearest AuthProvider shares; throws outside one. Call during component init. */
export function getAuthState(): AuthState {
  return getContext();
}

/** Shares an AuthState with the component's descendants (AuthProvider does this). */
export function setAuthState(state: AuthState): AuthState {
  return setContext(state);
}
