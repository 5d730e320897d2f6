import { authSetup } from '../authSetup.js';
import { machineInput } from '../machineInput.js';
import { enterSession } from './enterSession.js';
import { setErrorFromActor } from './setErrorFromActor.js';

/**
 * Signed in on a pool that tracks devices: the device Cognito named is confirmed (its secret
 * kept by the `devices` port) before the session starts. The tokens are good either way, so a
 * failure still signs in, and says so with `deviceNotRemembered`; refreshes carry the device key
 * the access token names in both cases.
 */
export const confirmingDeviceState = authSetup.createStateConfig({
  tags: 'busy',
  invoke: {
    id: 'confirmDevice',
    src: 'confirmDevice',
    input: ({ context }) => ({ ...machineInput(context), session: context.session!, newDevice: context.newDevice! }),
    onDone: { target: '#auth.signedIn', actions: ['forgetNewDevice', ...enterSession] },
    onError: {
      target: '#auth.signedIn',
      actions: ['forgetNewDevice', { type: 'emitDeviceNotRemembered', params: ({ event }) => ({ error: event.error }) }, ...enterSession],
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
