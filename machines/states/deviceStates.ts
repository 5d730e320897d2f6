import { authSetup } from '../authSetup.js';
import { machineInput } from '../machineInput.js';
import { enterSession } from './enterSession.js';
import { setErrorFromActor } from './setErrorFromActor.js';

/**
 * Signed in on a pool that tracks devices: the device Cognito named is confirmed (its secret
 * kept by the `devices` port) before the session starts. A failure still signs in, and says so
 * with `deviceNotRemembered`; the device stays in the context, because the pool refreshes only a
 * confirmed device's tokens: the first refresh confirms it again before it asks for tokens.
 */
export const confirmingDeviceState = authSetup.createStateConfig({
  tags: 'busy',
  on: {
    // The sign-in has its tokens already: ending it now revokes them, as a sign-out does.
    SIGN_OUT: { target: '#auth.signingOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
    CANCEL: { target: '#auth.signingOut', actions: { type: 'recordEndReason', params: { reason: 'user' } } },
    // Another tab's session ending is not this one's: these tokens are new, and no tab has them yet.
    SIGNED_OUT_ELSEWHERE: {},
  },
  invoke: {
    id: 'confirmDevice',
    src: 'confirmDevice',
    input: ({ context }) => ({ ...machineInput(context), session: context.session!, newDevice: context.newDevice! }),
    onDone: { target: '#auth.signedIn', actions: ['forgetNewDevice', ...enterSession] },
    onError: {
      target: '#auth.signedIn',
      actions: [{ type: 'emitDeviceNotRemembered', params: ({ event }) => ({ error: event.error }) }, ...enterSession],
    },
  },
});

/**
 * DEVICE_SRP_AUTH: the device remembered here proves its secret, with no input from the user;
 * then tokens, or the next step (MFA, where the pool does not skip it on remembered devices).
 * A device the pool no longer knows fails the sign-in (the port forgets it here: the next try
 * signs in as a new device).
 */
export const provingDeviceState = authSetup.createStateConfig({
  tags: 'busy',
  invoke: {
    id: 'proveDevice',
    src: 'proveDevice',
    input: ({ context }) => ({ ...machineInput(context), challenge: context.challenge! }),
    onDone: {
      target: 'routing',
      actions: { type: 'storeSignInResult', params: ({ event }) => ({ result: event.output }) },
    },
    onError: { target: 'failed', actions: setErrorFromActor },
  },
});
