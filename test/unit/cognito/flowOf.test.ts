import { describe, expect, it } from 'vitest';
import { flowOf } from '../../../machines/cognito/flowOf.js';

// What gives a Cognito error its meaning besides the operation (see mapCognitoError): the flow
// of InitiateAuth or the challenge answered. A transport's `call` is public, so its input may come
// from JavaScript without types: only a name that is text decides anything.

describe('flowOf', () => {
  it("names InitiateAuth's AuthFlow, else the ChallengeName answered, else nothing", () => {
    expect(flowOf({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c' })).toBe('REFRESH_TOKEN_AUTH');
    expect(flowOf({ ChallengeName: 'WEB_AUTHN', ClientId: 'c', Session: 's' })).toBe('WEB_AUTHN');
    expect(flowOf({ AccessToken: 'a' })).toBeUndefined();
  });

  it('takes no flow or challenge name that is not text', () => {
    expect(flowOf({ AuthFlow: 42, ChallengeName: 'PASSWORD_VERIFIER' })).toBe('PASSWORD_VERIFIER');
    expect(flowOf({ AuthFlow: null })).toBeUndefined();
    expect(flowOf({ ChallengeName: { name: 'WEB_AUTHN' } })).toBeUndefined();
  });
});
