/**
 * What every sign-in does as it reaches signedIn, whichever way it came: the tokens are stored
 * and announced to other tabs, the sign-in's leftovers go, and the session starts.
 */
export const enterSession = ['persistSession', 'announceStoredSession', 'clearChallenge', 'clearError', 'startSession'] as const;
