import { waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { mapCognitoError } from '../../machines/cognito/mapCognitoError.js';
import { makeTokenSet } from '../support/fakeTokens.js';
import { signedInAuth } from '../support/signedInAuth.js';

// A refresh that retrying cannot mend ends the session (`expired`, the app asks to sign in
// again) instead of retrying for ever: tokens that fail our checks, and an answer that names a
// Cognito error, cognito-local's own `CognitoLocal#…` names included. A transient failure is
// retried (refreshBackoff.test.ts).

async function refreshAnsweredWith(answer: () => ReturnType<typeof tokensFrom>) {
  const { auth, cognito } = await signedInAuth({ config: { refreshApi: 'initiateAuth' } });
  cognito.on('InitiateAuth', answer);
  auth.actor.send({ type: 'REFRESH' });
  return waitFor(auth.actor, (s) => !s.hasTag('busy') && !s.matches('signedIn'));
}

function tokensFrom(issuer: string) {
  const tokens = makeTokenSet({ iatSeconds: Math.floor(Date.now() / 1000), issuer, serial: 2 });
  return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken } };
}

describe('a refresh that cannot succeed by retrying', () => {
  it('new tokens that fail the checks (another issuer) end the session as invalidToken', async () => {
    const after = await refreshAnsweredWith(() => tokensFrom('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool'));
    expect(after.matches('expired')).toBe(true);
    expect(after.context.endReason).toBe('expired');
    expect(after.context.error).toMatchObject({ code: 'invalidToken' });
  });

  it('an emulator’s own named refusal (CognitoLocal#Unsupported) ends the session', async () => {
    const after = await refreshAnsweredWith(() => {
      throw mapCognitoError('InitiateAuth', 'REFRESH_TOKEN_AUTH', { name: 'CognitoLocal#Unsupported', message: 'not supported', status: 500 });
    });
    expect(after.matches('expired')).toBe(true);
    expect(after.context.error).toMatchObject({ code: 'unsupportedOperation', cognitoName: 'CognitoLocal#Unsupported' });
  });
});
