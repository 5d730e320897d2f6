// Verification and TOTP codes are secrets: what an inspector (redactedInspector), a log or JSON of the
// account charts gets never holds one, during the request or after it, right or wrong.
import { createActor, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { accountDataMachine, settingsMachine } from '../../../machines/account/index.js';
import { AuthError, memoryStorage, type AuthPorts } from '../../../machines/index.js';
import { redactInspectionEvent } from '../../../machines/inspect/index.js';
import { FakeCognito } from '../../support/FakeCognito.js';
import { flush } from '../../support/ScriptedActors.js';
import { MODEL_CONFIG, modelPorts, T0 } from '../../model/modelEvents.js';

const CODE = '918273';

describe('account data and verification codes', () => {
  it.each([
    ['a right code', true],
    ['a wrong code', false],
  ])('inspection, snapshots and errors never show %s', async (_, right) => {
    let answer: (() => void) | undefined;
    const cognito = new FakeCognito().on(
      'VerifyUserAttribute',
      () =>
        new Promise((resolve, reject) => {
          answer = right ? () => resolve({}) : () => reject(new AuthError('codeMismatch', 'Code mismatch', { cognitoName: 'CodeMismatchException' }));
        }),
    );
    const seen: string[] = [];
    const actorRefs = new Set<{ getSnapshot(): unknown }>();
    /** An inspector reads the live actors later too (see redactInspectionEvent): each as it sees them now. */
    const readActors = () => {
      for (const ref of actorRefs) seen.push(JSON.stringify(ref.getSnapshot()));
    };
    // The fake's record of calls stays out of the snapshot, as a real transport keeps none.
    const transport: AuthPorts['transport'] = { call: (operation, input, options) => cognito.call(operation, input, options) };
    const ports: AuthPorts = { ...modelPorts(memoryStorage(), { now: () => T0 }), transport };
    const actor = createActor(accountDataMachine, {
      input: { config: MODEL_CONFIG, ports, signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }), userDeleted: () => {} },
      inspect: (event: InspectionEvent) => {
        const redacted = redactInspectionEvent(event);
        seen.push(JSON.stringify(redacted));
        actorRefs.add(redacted.actorRef as { getSnapshot(): unknown });
      },
    });
    actor.start();
    actor.send({ type: 'VERIFY_USER_ATTRIBUTE', attributeName: 'email', code: CODE });
    await flush();
    expect(actor.getSnapshot().value).toBe('verifyingAttribute');
    const child = actor.getSnapshot().children['verifyUserAttribute']!;
    seen.push(JSON.stringify(actor.getSnapshot()), JSON.stringify(child.getSnapshot()));
    readActors();
    answer!();
    await flush();
    seen.push(JSON.stringify(actor.getSnapshot()));
    readActors();
    expect(actor.getSnapshot().context.notice).toBe(right ? 'attributeVerified' : null);
    // The code did reach Cognito…
    expect(cognito.callsOf('VerifyUserAttribute')[0]!.input).toMatchObject({ Code: CODE });
    // …and nothing else.
    expect(seen.length).toBeGreaterThan(5);
    for (const text of seen) expect(text).not.toContain(CODE);
    actor.stop();
  });
});

describe('account settings and the first TOTP code', () => {
  it('an inspector reading the verifying actor never sees the code', async () => {
    const cognito = new FakeCognito()
      .on('AssociateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('VerifySoftwareToken', () => new Promise(() => {}));
    const transport: AuthPorts['transport'] = { call: (operation, input, options) => cognito.call(operation, input, options) };
    const actorRefs = new Set<{ getSnapshot(): unknown }>();
    const actor = createActor(settingsMachine, {
      input: { config: MODEL_CONFIG, ports: { ...modelPorts(memoryStorage(), { now: () => T0 }), transport }, signedInUser: async () => ({ accessToken: 'access', accountName: 'demo' }) },
      inspect: (event) => void actorRefs.add(redactInspectionEvent(event).actorRef as { getSnapshot(): unknown }),
    });
    actor.start();
    actor.send({ type: 'SET_UP_TOTP' });
    await flush();
    actor.send({ type: 'VERIFY_TOTP', code: CODE });
    await flush();
    expect(cognito.callsOf('VerifySoftwareToken')[0]!.input).toMatchObject({ UserCode: CODE });
    for (const ref of actorRefs) expect(JSON.stringify(ref.getSnapshot())).not.toContain(CODE);
    actor.stop();
  });
});
