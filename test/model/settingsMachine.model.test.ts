// The account settings' chart (authchart/account), walked as the session's is: paths that together
// take every transition, each replayed on the real actor with its requests settled by hand.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { expect } from 'vitest';
import { settingsMachine } from '../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../machines/index.js';
import { describeRequestChartModel, type RequestOutcomes } from '../support/describeRequestChartModel.js';
import { MODEL_CONFIG, modelPorts, T0 } from './modelEvents.js';

const error = new AuthError('codeMismatch', 'codeMismatch');
const totpSetup = { secretCode: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/authchart:demo?secret=JBSWY3DPEHPK3PXP' };

/** What each request may answer. */
const OUTCOMES: Record<string, RequestOutcomes> = {
  changePassword: { outputs: [undefined], error },
  setUpTotp: { outputs: [totpSetup], error },
  verifyTotp: { outputs: [undefined], error },
  setMfaPreference: { outputs: [undefined], error },
};

const USER_EVENTS: EventObject[] = [
  { type: 'CHANGE_PASSWORD', previousPassword: 'pw', proposedPassword: 'new-pw' } as EventObject,
  { type: 'SET_UP_TOTP' },
  { type: 'VERIFY_TOTP', code: '123456' } as EventObject,
  { type: 'SET_MFA_PREFERENCE', totp: true } as EventObject,
  { type: 'CANCEL' },
  { type: 'SESSION_ENDED' },
];


/** What matters to the next step: the state, and whether a TOTP secret is held. */
const stateKey = (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, snapshot.context.totpSetup !== null]);

const input = () => ({
  config: MODEL_CONFIG,
  ports: modelPorts(memoryStorage(), { now: () => T0 }) as AuthPorts,
  signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }),
});

describeRequestChartModel('settingsMachine', {
  machine: settingsMachine,
  input,
  outcomes: OUTCOMES,
  userEvents: USER_EVENTS,
  stateKey,
  checkStep(snapshot, event) {
    // The TOTP secret lives only while its first code is awaited or checked.
    const holdsSecret = snapshot.matches('awaitingTotpCode') || snapshot.matches('verifyingTotp');
    expect(snapshot.context.totpSetup !== null, `TOTP secret in ${String(snapshot.value)}`).toBe(holdsSecret);
    // The session's end leaves nothing, and a request it cut short is never reported done.
    if (event.type === 'SESSION_ENDED') {
      expect(snapshot.value).toBe('idle');
      expect(snapshot.context.notice).toBeNull();
    }
  },
});
