// The app client: exactly the sign-in flows the options ask for, and the settings authchart
// relies on whatever the options (rotation, revocation, no secret, no user-existence leaks).
import { describe, expect, it } from 'vitest';
import { SIGN_IN_FLOWS, type SignInFlow } from '../../machines/ResolvedAuthConfig.js';
import { onlyResource, synthTemplate } from './support/synthTemplate.js';

const CLIENT = 'AWS::Cognito::UserPoolClient';

function explicitAuthFlows(context: Record<string, string>): string[] {
  return [...(onlyResource(synthTemplate(context), CLIENT)['ExplicitAuthFlows'] as string[])].sort();
}

describe('ExplicitAuthFlows', () => {
  it.each<[Record<string, string>, string[]]>([
    [{}, ['ALLOW_USER_SRP_AUTH']],
    [{ passwordAuth: 'true' }, ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']],
    [{ customAuth: 'true' }, ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH']],
    [{ choiceBased: 'true' }, ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH']],
    [
      { passwordAuth: 'true', customAuth: 'true', choiceBased: 'true' },
      ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'],
    ],
  ])('%j → exactly %j', (context, flows) => {
    expect(explicitAuthFlows(context)).toEqual(flows);
  });

  it('has an option allowing each of authchart’s `authFlow` values', () => {
    // The flow each value of authchart's `authFlow` needs, and the option that allows it.
    const needs: Record<SignInFlow, [string, Record<string, string>]> = {
      USER_SRP_AUTH: ['ALLOW_USER_SRP_AUTH', {}],
      USER_PASSWORD_AUTH: ['ALLOW_USER_PASSWORD_AUTH', { passwordAuth: 'true' }],
      CUSTOM_WITH_SRP: ['ALLOW_CUSTOM_AUTH', { customAuth: 'true' }],
      CUSTOM_WITHOUT_SRP: ['ALLOW_CUSTOM_AUTH', { customAuth: 'true' }],
      USER_AUTH: ['ALLOW_USER_AUTH', { choiceBased: 'true' }],
    };
    expect(Object.keys(needs).sort()).toEqual([...SIGN_IN_FLOWS].sort());
    for (const [flow, context] of Object.values(needs)) expect(explicitAuthFlows(context)).toContain(flow);
  });

  it('never allows ALLOW_REFRESH_TOKEN_AUTH (rotation refuses it) nor admin flows', () => {
    const flows = explicitAuthFlows({ passwordAuth: 'true', customAuth: 'true', choiceBased: 'true' });
    expect(flows).not.toContain('ALLOW_REFRESH_TOKEN_AUTH');
    expect(flows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
  });
});

describe('the client, whatever the options', () => {
  it.each<Record<string, string>>([{}, { hostedUi: 'true', domainPrefix: 'authchart-test-1' }, { choiceBased: 'true', passwordAuth: 'true' }])(
    '%j: rotation and revocation on, no secret, no user-existence errors, token lifetimes',
    (context) => {
      const client = onlyResource(synthTemplate(context), CLIENT);
      expect(client['RefreshTokenRotation']).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 30 });
      expect(client['EnableTokenRevocation']).toBe(true);
      expect(client['GenerateSecret']).toBe(false);
      expect(client['PreventUserExistenceErrors']).toBe('ENABLED');
      expect(client).toMatchObject({
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
        RefreshTokenValidity: 30 * 24 * 60,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
        AuthSessionValidity: 3,
      });
    },
  );

  it('takes the ID and access token lifetime from tokenMinutes', () => {
    expect(onlyResource(synthTemplate({ tokenMinutes: '5' }), CLIENT)).toMatchObject({ IdTokenValidity: 5, AccessTokenValidity: 5 });
  });

  it('has no OAuth without the hosted UI', () => {
    const client = onlyResource(synthTemplate(), CLIENT);
    expect(client['AllowedOAuthFlowsUserPoolClient']).toBe(false);
    expect(client['AllowedOAuthFlows']).toBeUndefined();
    expect(client['CallbackURLs']).toBeUndefined();
  });
});
