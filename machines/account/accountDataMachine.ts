import { assertEvent, assign, setup } from 'xstate';
import { toAuthError } from '../AuthError.js';
import type {
  AccountDataContext,
  AccountDataEvent,
  AccountDataInput,
  AccountDataNotice,
  AccountUser,
  AttributeCodeDelivery,
} from './AccountDataContext.js';
import { deleteUser, deleteUserAttributes, getUser, sendVerificationCode, updateUserAttributes, verifyUserAttribute } from './accountDataActors.js';
import { interruptedError } from './interruptedError.js';

/** A request in flight when the session ends is stopped (its fetch aborted) and reported as interrupted. */
const endsInterrupted = {
  SESSION_ENDED: { target: '#accountData.idle', actions: ['forgetAll', 'setInterrupted'] },
} as const;

const setErrorFromActor = { type: 'setError', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) } as const;

/**
 * The signed-in user's own data (GetUser, attributes and their verification, DeleteUser), as a
 * chart of its own beside the session's and the settings' (the `authchart/account` entry). One
 * request at a time, each with a usable access token from the auth when it starts. A code can be
 * entered whenever one is pending (Cognito keeps it valid for a day), so there is no waiting
 * state: `codeDeliveries` says which attributes wait. The session's end forgets the user's data;
 * a deletion ends the session everywhere.
 */
export const accountDataMachine = setup({
  types: {
    tags: {} as 'busy',
    context: {} as AccountDataContext,
    events: {} as AccountDataEvent,
    input: {} as AccountDataInput,
  },
  actors: { getUser, updateUserAttributes, sendVerificationCode, verifyUserAttribute, deleteUserAttributes, deleteUser },
  actions: {
    startRequest: assign({ error: null, notice: null }),
    setError: assign((_, params: { error: unknown }) => ({ error: toAuthError(params.error) })),
    setInterrupted: assign({ error: () => interruptedError() }),
    setNotice: assign((_, params: { notice: AccountDataNotice }) => ({ notice: params.notice })),
    setUser: assign((_, params: { user: AccountUser }) => ({ user: params.user })),
    /** The latest delivery per attribute: an earlier code for it no longer counts. */
    addCodeDeliveries: assign(({ context }, params: { deliveries: AttributeCodeDelivery[] }) => {
      const names = new Set(params.deliveries.map((delivery) => delivery.attributeName));
      return { codeDeliveries: [...context.codeDeliveries.filter((delivery) => !names.has(delivery.attributeName)), ...params.deliveries] };
    }),
    forgetCodeDelivery: assign(({ context }, params: { attributeName: string }) => ({
      codeDeliveries: context.codeDeliveries.filter((delivery) => delivery.attributeName !== params.attributeName),
    })),
    forgetAll: assign({ user: null, codeDeliveries: [], notice: null, error: null }),
    /** After DeleteUser: the auth ends the session here and in other tabs (reason `deleted`). */
    endDeletedSession: ({ context }) => context.userDeleted(),
  },
}).createMachine({
  id: 'accountData',
  initial: 'idle',
  context: ({ input }) => ({ ...input, user: null, codeDeliveries: [], notice: null, error: null }),
  on: {
    SESSION_ENDED: { target: '.idle', actions: 'forgetAll' },
  },
  states: {
    idle: {
      on: {
        GET_USER: { target: 'loadingUser', actions: 'startRequest' },
        UPDATE_USER_ATTRIBUTES: { target: 'updatingAttributes', actions: 'startRequest' },
        SEND_VERIFICATION_CODE: { target: 'sendingCode', actions: 'startRequest' },
        VERIFY_USER_ATTRIBUTE: { target: 'verifyingAttribute', actions: 'startRequest' },
        DELETE_USER_ATTRIBUTES: { target: 'deletingAttributes', actions: 'startRequest' },
        DELETE_USER: { target: 'deletingUser', actions: 'startRequest' },
      },
    },
    loadingUser: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'getUser',
        src: 'getUser',
        input: ({ context }) => requestInput(context),
        onDone: { target: 'idle', actions: { type: 'setUser', params: ({ event }) => ({ user: event.output }) } },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    updatingAttributes: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'updateUserAttributes',
        src: 'updateUserAttributes',
        input: ({ context, event }) => {
          assertEvent(event, 'UPDATE_USER_ATTRIBUTES');
          return { ...requestInput(context), attributes: event.attributes };
        },
        onDone: {
          target: 'idle',
          actions: [
            { type: 'addCodeDeliveries', params: ({ event }) => ({ deliveries: event.output }) },
            { type: 'setNotice', params: { notice: 'attributesUpdated' } },
          ],
        },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    sendingCode: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'sendVerificationCode',
        src: 'sendVerificationCode',
        input: ({ context, event }) => {
          assertEvent(event, 'SEND_VERIFICATION_CODE');
          return { ...requestInput(context), attributeName: event.attributeName };
        },
        onDone: {
          target: 'idle',
          actions: [
            { type: 'addCodeDeliveries', params: ({ event }) => ({ deliveries: [event.output] }) },
            { type: 'setNotice', params: { notice: 'verificationCodeSent' } },
          ],
        },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    verifyingAttribute: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'verifyUserAttribute',
        src: 'verifyUserAttribute',
        input: ({ context, event }) => {
          assertEvent(event, 'VERIFY_USER_ATTRIBUTE');
          const { code } = event;
          return { ...requestInput(context), attributeName: event.attributeName, code: () => code };
        },
        onDone: {
          target: 'idle',
          actions: [
            { type: 'forgetCodeDelivery', params: ({ event }) => ({ attributeName: event.output.attributeName }) },
            { type: 'setNotice', params: { notice: 'attributeVerified' } },
          ],
        },
        // The delivery stays: the user can try the code again, or ask for a new one.
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    deletingAttributes: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'deleteUserAttributes',
        src: 'deleteUserAttributes',
        input: ({ context, event }) => {
          assertEvent(event, 'DELETE_USER_ATTRIBUTES');
          return { ...requestInput(context), attributeNames: event.attributeNames };
        },
        onDone: { target: 'idle', actions: { type: 'setNotice', params: { notice: 'attributesDeleted' } } },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
    deletingUser: {
      tags: 'busy',
      on: endsInterrupted,
      invoke: {
        id: 'deleteUser',
        src: 'deleteUser',
        input: ({ context }) => requestInput(context),
        onDone: { target: 'idle', actions: ['forgetAll', 'endDeletedSession'] },
        onError: { target: 'idle', actions: setErrorFromActor },
      },
    },
  },
});

/** What every request gets: the auth's config, ports and a way to its signed-in user. */
function requestInput(context: AccountDataContext) {
  return { config: context.config, ports: context.ports, signedInUser: context.signedInUser };
}
