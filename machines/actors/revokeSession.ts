import { fromPromise } from 'xstate';
import type { AuthMachineInput } from '../AuthContext.js';
import type { Session } from '../tokens/Session.js';

export type RevokeInput = AuthMachineInput & { session: Session | null; global: boolean };

/** What sign-out managed to tell Cognito. Sign-out itself always succeeds locally. */
export interface RevokeOutcome {
  revoked: boolean;
  globalSignOut: boolean | 'notRequested';
}

/**
 * Best effort: RevokeToken ends the refresh token (and, for Cognito's own APIs, the access tokens
 * made from it); GlobalSignOut, when asked, ends every session of the user. A failure (offline,
 * emulator without GlobalSignOut) must not keep the user signed in, so this never rejects.
 */
export const revokeSession = fromPromise<RevokeOutcome, RevokeInput>(async ({ input, signal }) => {
  const { config, ports, session, global } = input;
  if (!session) return { revoked: false, globalSignOut: global ? false : 'notRequested' };
  // GlobalSignOut first: it needs the access token, which RevokeToken invalidates.
  const globalSignOut = global
    ? await succeeded(ports.transport.call('GlobalSignOut', { AccessToken: session.tokens.accessToken }, { signal }))
    : 'notRequested';
  const revoked = await succeeded(
    ports.transport.call('RevokeToken', { Token: session.tokens.refreshToken, ClientId: config.clientId }, { signal }),
  );
  return { revoked, globalSignOut };
});

function succeeded(request: Promise<unknown>): Promise<boolean> {
  return request.then(
    () => true,
    () => false,
  );
}
