// The env file the deploy writes: the app's variables from the stack's outputs, nothing secret,
// and nothing of a local setup left to leak into a build for the real pool.
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appEnvFile } from '../lib/appEnvFile.js';
import { APP_ENV_OUTPUTS } from '../lib/appEnvOutputs.js';
import { synthTemplate } from './support/synthTemplate.js';

const OUTPUTS = {
  UserPoolId: 'eu-west-1_AbC123xyZ',
  ClientId: '1example23456789',
  Region: 'eu-west-1',
  OauthDomain: 'https://authchart-test-1.auth.eu-west-1.amazoncognito.com',
  WaysIn: 'WEB_AUTHN,EMAIL_OTP',
  Devices: 'remembered',
  AppUrl: 'https://d111111abcdef8.cloudfront.net',
  ApiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/',
};

describe('appEnvFile', () => {
  it('writes the app’s variables, and the emulator’s endpoint empty', () => {
    expect(parseEnv(appEnvFile('Authchart-dev', OUTPUTS))).toEqual({
      VITE_COGNITO_USER_POOL_ID: 'eu-west-1_AbC123xyZ',
      VITE_COGNITO_CLIENT_ID: '1example23456789',
      VITE_COGNITO_REGION: 'eu-west-1',
      VITE_OAUTH_DOMAIN: 'https://authchart-test-1.auth.eu-west-1.amazoncognito.com',
      VITE_AUTH_WAYS_IN: 'WEB_AUTHN,EMAIL_OTP',
      VITE_AUTH_DEVICES: 'remembered',
      VITE_COGNITO_ENDPOINT: '',
    });
  });

  it('names the hosted app and the API in comments, for people', () => {
    const file = appEnvFile('Authchart-dev', OUTPUTS);
    expect(file).toContain('# The hosted app: https://d111111abcdef8.cloudfront.net');
    expect(file).toContain('# The API, direct: https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/');
  });

  it('writes the managed-login domain empty without the hosted UI, so a local provider cannot leak in', () => {
    const { OauthDomain: _none, ...withoutDomain } = OUTPUTS;
    expect(parseEnv(appEnvFile('Authchart-dev', withoutDomain))['VITE_OAUTH_DOMAIN']).toBe('');
  });

  it('writes the ways in empty for a pool with the password only, so a local setting cannot leak in', () => {
    const { WaysIn: _none, ...passwordOnly } = OUTPUTS;
    expect(parseEnv(appEnvFile('Authchart-dev', passwordOnly))['VITE_AUTH_WAYS_IN']).toBe('');
  });

  it('writes devices empty for a pool without device tracking, so a local setting cannot leak in', () => {
    const { Devices: _none, ...untracked } = OUTPUTS;
    expect(parseEnv(appEnvFile('Authchart-dev', untracked))['VITE_AUTH_DEVICES']).toBe('');
  });

  it('refuses outputs that are missing or not plain identifiers', () => {
    const { ClientId: _none, ...withoutClient } = OUTPUTS;
    expect(() => appEnvFile('Authchart-dev', withoutClient)).toThrow(/ClientId/);
    expect(() => appEnvFile('Authchart-dev', { ...OUTPUTS, Region: 'eu-west-1\nVITE_X=1' })).toThrow(/Region/);
  });

  it('reads outputs the stack has, by the names it gives them', () => {
    const template = synthTemplate({ hostedUi: 'true', domainPrefix: 'authchart-test-1', choiceBased: 'true', passkeyRelyingPartyId: 'app.example.com', deviceTracking: 'true' });
    const outputs = Object.keys(template.toJSON()['Outputs'] as object);
    expect(outputs).toEqual(expect.arrayContaining(Object.keys(APP_ENV_OUTPUTS)));
    template.hasOutput('WaysIn', { Value: 'WEB_AUTHN' });
  });
});
