import { assertEvent, assign, setup } from 'xstate';
import { toAuthError } from '../AuthError.js';
import { totpWithHiddenSecret } from '../inspect/hideSecrets.js';
import type { TotpSetup } from '../TotpSetup.js';
import type { SettingsContext, SettingsEvent, SettingsInput, SettingsNotice } from './SettingsContext.js';
import { interruptedError } from './interruptedError.js';
import { changePassword, setMfaPreference, setUpTotp, verifyTotp } from './settingsActors.js';

/**
 * A request in flight when the session ends is stopped (its fetch aborted) and reported as
 * interrupted: Cognito may or may not have applied it, so it is never reported as done.
 */
const endsInterrupted = {
  SESSION_ENDED: { target: '#accountSettings.idle', actions: ['forgetAll', 'setInterrupted'] },
} as const;

/**
 * The signed-in user's own settings: password change, TOTP set-up and the MFA preference, as a
 * chart of their own beside the session's (the `authchart/account` entry), so apps without a
 * settings page do not carry them. Each request asks the auth for a usable access token when it
 * starts, so a refresh in the session's chart never cuts one short. The session's end (or another
 * user's sign-in) arrives as SESSION_ENDED and forgets everything, the TOTP secret first.
 */
export const settingsMachine = setup({
  types: {
    tags: {} as 'busy',
    context: {} as SettingsContext,
    events: {} as SettingsEvent,
    input: {} as SettingsInput,
  },
  actors: { changePassword, setUpTotp, verifyTotp, setMfaPreference },
  actions: {
    startRequest: assign({ error: null, notice: null }),
    setError: assign(({ event }) => ({ error: toAuthError((event as { error?: unknown }).error) })),
    setInterrupted: assign({ error: () => interruptedError() }),
    setNotice: assign((_, params: { notice: SettingsNotice }) => ({ notice: params.notice })),
    setTotpSetup: assign((_, params: { totpSetup: TotpSetup }) => ({ totpSetup: totpWithHiddenSecret(params.totpSetup) })),
    forgetTotpSetup: assign({ totpSetup: null }),
    forgetAll: assign({ totpSetup: null, notice: null, error: null }),
  },
}).createMachine({
  id: 'accountSettings',
  initial: 'idle',
  context: ({ input }) => ({ ...input, totpSetup: null, notice: null, error: null }),
  on: {
    SESSION_ENDED: { target: '.idle', actions: 'forgetAll' },
  },
  states: {
    idle: {
      on: {
        CHANGE_PASSWORD: { target: 'changingPassword', actions: 'startRequest' },
        SET_UP_TOTP: { target: 'settingUpTotp', actions: 'startRequest' },
        SET_MFA_PREFERENCE: { target: 'savingMfaPreference', actions: 'startRequest' },
        CANCEL: { actions: 'forgetAll' },
      },
    },
    changingPassword: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'changePassword',
        src: 'changePassword',
        input: ({ context, event }) => {
          assertEvent(event, 'CHANGE_PASSWORD');
          return { ...settingsInput(context), previousPassword: event.previousPassword, proposedPassword: event.proposedPassword };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'passwordChanged' } } },
        onError: { target: 'idle', actions: 'setError' },
      },
    },
    settingUpTotp: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'setUpTotp',
        src: 'setUpTotp',
        input: ({ context }) => settingsInput(context),
        onDone: { target: 'awaitingTotpCode', actions: { type: 'setTotpSetup', params: ({ event }) => ({ totpSetup: event.output }) } },
        onError: { target: 'idle', actions: 'setError' },
      },
    },
    /** The secret is shown; the user adds it to an app and enters the first code. */
    awaitingTotpCode: {
      on: {
        VERIFY_TOTP: { target: 'verifyingTotp', actions: 'startRequest' },
        // A new secret replaces the earlier one, which Cognito will no longer verify.
        SET_UP_TOTP: { target: 'settingUpTotp', actions: ['forgetTotpSetup', 'startRequest'] },
        // Another request leaves the set-up: one step at a time, and the secret goes with it.
        CHANGE_PASSWORD: { target: 'changingPassword', actions: ['forgetTotpSetup', 'startRequest'] },
        SET_MFA_PREFERENCE: { target: 'savingMfaPreference', actions: ['forgetTotpSetup', 'startRequest'] },
        CANCEL: { target: 'idle', actions: 'forgetAll' },
      },
    },
    verifyingTotp: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'verifyTotp',
        src: 'verifyTotp',
        input: ({ context, event }) => {
          assertEvent(event, 'VERIFY_TOTP');
          // As a function: the actor's input shows in inspection, where a function never does.
          const { code } = event;
          return { ...settingsInput(context), code: () => code };
        },
        onDone: { target: 'idle', actions: ['forgetTotpSetup', { type: 'setNotice', params: { notice: 'totpEnabled' } }] },
        // The secret stays, so the user can try the next code.
        onError: { target: 'awaitingTotpCode', actions: 'setError' },
      },
    },
    savingMfaPreference: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'setMfaPreference',
        src: 'setMfaPreference',
        input: ({ context, event }) => {
          assertEvent(event, 'SET_MFA_PREFERENCE');
          const { type: _, ...preference } = event;
          return { ...settingsInput(context), preference };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'mfaPreferenceSaved' } } },
        onError: { target: 'idle', actions: 'setError' },
      },
    },
  },
});

/** What every request gets: the auth's config, ports and a way to its signed-in user. */
function settingsInput(context: SettingsContext): SettingsInput {
  return { config: context.config, ports: context.ports, signedInUser: context.signedInUser };
}
