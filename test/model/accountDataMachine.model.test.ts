// The account data chart (authchart/account's createAccountData), walked as the settings' is:
// paths that together take every transition, each replayed on the real actor with its requests
// settled by hand.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { expect } from 'vitest';
import { accountDataMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { describeRequestChartModel, type RequestOutcomes } from '../support/describeRequestChartModel.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const user = { username: 'demo', attributes: { email: 'demo@example.com' }, mfa: { enabled: ['totp'], preferred: 'totp' } };
const delivery = { attributeName: 'email', destination: 'd***@e***', medium: 'EMAIL' };

/** What each request may answer. */
const OUTCOMES: Record<string, RequestOutcomes> = {
  getUser: { outputs: [user], error },
  updateUserAttributes: { outputs: [[delivery]], error },
  sendVerificationCode: { outputs: [delivery], error },
  verifyUserAttribute: { outputs: [{ attributeName: 'email' }], error },
  deleteUserAttributes: { outputs: [undefined], error },
  deleteUser: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'GET_USER' },
  { type: 'UPDATE_USER_ATTRIBUTES', attributes: { email: 'new@example.com' } } as EventObject,
  { type: 'SEND_VERIFICATION_CODE', attributeName: 'email' } as EventObject,
  { type: 'VERIFY_USER_ATTRIBUTE', attributeName: 'email', code: '123456' } as EventObject,
  { type: 'DELETE_USER_ATTRIBUTES', attributeNames: ['nickname'] } as EventObject,
  { type: 'DELETE_USER' },
  { type: 'SESSION_ENDED' },
];


/** What matters to the next step: the state, and whether user data or a pending code is held. */
const stateKey = (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, snapshot.context.user !== null, snapshot.context.codeDeliveries.length]);

let deletions = 0;
const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }),
  userDeleted: () => void (deletions += 1),
});

let deletionsBefore = 0;

describeRequestChartModel('accountDataMachine', {
  machine: accountDataMachine,
  input,
  outcomes: OUTCOMES,
  userEvents: USER_EVENTS,
  stateKey,
  beforeStep() {
    deletionsBefore = deletions;
  },
  checkStep(snapshot, event) {
    // Only a deletion Cognito confirmed ends the session, and it leaves nothing of the user.
    const deleted = event.type === 'xstate.done.actor.deleteUser';
    expect(deletions - deletionsBefore).toBe(deleted ? 1 : 0);
    // The session's end leaves nothing, and a request it cut short is never reported done.
    if (event.type === 'SESSION_ENDED' || deleted) {
      expect(snapshot.value).toBe('idle');
      expect(snapshot.context).toMatchObject({ user: null, codeDeliveries: [], notice: null });
    }
  },
});
