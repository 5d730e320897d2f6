// The account flows' chart (authchart/account), walked as the session's is: paths that together
// take every transition, each replayed on the real actor with its requests settled by hand.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { expect } from 'vitest';
import { accountMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { describeRequestChartModel, type RequestOutcomes } from '../support/describeRequestChartModel.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const delivery = { destination: 'd***@e***', medium: 'EMAIL' };

/** What each request may answer. */
const OUTCOMES: Record<string, RequestOutcomes> = {
  signUp: {
    outputs: [
      { username: 'demo', userConfirmed: false, codeDelivery: delivery },
      { username: 'demo', userConfirmed: true, codeDelivery: null },
    ],
    error,
  },
  confirmSignUp: { outputs: [{ username: 'demo' }], error },
  resendSignUpCode: { outputs: [delivery], error },
  signInAfterSignUp: { outputs: ['signedIn'], error },
  forgotPassword: { outputs: [delivery], error },
  confirmPasswordReset: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'SIGN_UP', username: 'demo', password: 'pw' } as EventObject,
  { type: 'SIGN_UP', username: 'demo', password: 'pw', autoSignIn: true } as EventObject,
  { type: 'CONFIRM_SIGN_UP', username: 'demo', code: '123456' } as EventObject,
  { type: 'RESEND_SIGN_UP_CODE', username: 'demo' } as EventObject,
  { type: 'FORGOT_PASSWORD', username: 'demo' } as EventObject,
  { type: 'CONFIRM_PASSWORD_RESET', username: 'demo', code: '123456', newPassword: 'new-pw' } as EventObject,
  { type: 'CANCEL' },
];


const eventKey = (event: EventObject) => {
  const { output, autoSignIn } = event as { output?: { userConfirmed?: boolean }; autoSignIn?: boolean };
  return `${event.type}${autoSignIn ? '(autoSignIn)' : ''}${output?.userConfirmed === undefined ? '' : `(confirmed=${output.userConfirmed})`}`;
};
/** What guards read: the state and whether a password is kept for sign-in. */
const stateKey = (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, snapshot.context.autoSignIn !== null]);

const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signIn: async () => 'signedIn',
});

describeRequestChartModel('accountMachine', {
  machine: accountMachine,
  input,
  outcomes: OUTCOMES,
  userEvents: USER_EVENTS,
  eventKey,
  stateKey,
  checkStep(snapshot) {
    // The password kept for autoSignIn lives only while a sign-up waits to sign in.
    if (snapshot.matches('idle') || snapshot.matches('awaitingResetCode') || snapshot.matches('requestingPasswordReset')) {
      expect(snapshot.context.autoSignIn).toBeNull();
    }
  },
});
