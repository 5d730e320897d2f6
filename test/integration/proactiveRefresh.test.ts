import { waitFor } from 'xstate';
import { expect, inject, it } from 'vitest';
import { createAuth, memoryStorage } from '../../machines/index.js';
import { countingTransport } from '../support/countingTransport.js';
import { localTransports } from '../support/localTransports.js';
import { topState } from '../support/topState.js';

const cognito = inject('cognito');

// Real time against real 30-second tokens: the refresh lead is clamped to half the lifetime, so
// each case waits about 15 s. The transports run side by side to keep the suite short.
it.concurrent.each(localTransports(cognito))(
  'refreshes 30-second tokens before they expire and never holds expired ones (%s)',
  { timeout: 40_000 },
  async (_, makeTransport) => {
    const transport = countingTransport(makeTransport());
    const auth = createAuth({
      authFlow: 'USER_PASSWORD_AUTH',
      userPoolId: cognito.userPoolId,
      clientId: cognito.shortClientId,
      endpoint: cognito.endpoint,
      storage: memoryStorage(),
      transport,
    });
    const heldExpired: string[] = [];
    auth.actor.subscribe((snapshot) => {
      const session = snapshot.context.session;
      if (snapshot.matches('signedIn') && session && session.idClaims.exp * 1000 <= Date.now()) {
        heldExpired.push(String(snapshot.value));
      }
    });
    await auth.signIn(cognito.demoUser);
    const firstExp = auth.actor.getSnapshot().context.session!.idClaims.exp;
    await waitFor(auth.actor, (s) => s.context.refreshCount === 1, { timeout: 30_000 });
    const refreshCall = transport.calls.filter((call) => call.operation === 'InitiateAuth')[1]!;
    expect(refreshCall.at).toBeLessThan(firstExp * 1000);
    const snapshot = auth.actor.getSnapshot();
    expect(topState(snapshot)).toBe('signedIn');
    expect(snapshot.context.session!.idClaims.exp).toBeGreaterThan(firstExp);
    expect(heldExpired).toEqual([]);
    auth.stop();
  },
);
