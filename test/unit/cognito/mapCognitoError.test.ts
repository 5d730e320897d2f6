import { describe, expect, it } from 'vitest';
import { cognitoErrorName, mapCognitoError } from '../../../machines/cognito/mapCognitoError.js';

// What an app shows when the user pool refuses: the code decides, the message explains. Error
// names are those of Cognito's published API model (see cognitoErrorTable.test.ts for all of them).

describe('mapCognitoError messages', () => {
  it('a flow the app client does not allow names the flow and Cognito’s reason, and how to fix it', () => {
    const said = mapCognitoError('InitiateAuth', 'USER_PASSWORD_AUTH', {
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
      status: 400,
    });
    expect(said.code).toBe('authFlowNotEnabled');
    expect(said.message).toMatch(/^The user pool refused USER_PASSWORD_AUTH \(USER_PASSWORD_AUTH flow not enabled for this client\)\. .*ExplicitAuthFlows/);
    const silent = mapCognitoError('InitiateAuth', 'USER_SRP_AUTH', { name: 'InvalidParameterException', message: '', status: 400 });
    expect(silent.message).toMatch(/^The user pool refused USER_SRP_AUTH \(InvalidParameterException\)\./);
  });

  it('an error without a message of its own keeps Cognito’s words, or names the operation', () => {
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: 'Something odd', status: 400 }).message).toBe('Something odd');
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: '', status: 400 }).message).toBe('GetUser failed.');
  });

  it('a known error says authchart’s message, not Cognito’s', () => {
    const error = mapCognitoError('InitiateAuth', 'USER_PASSWORD_AUTH', { name: 'NotAuthorizedException', message: 'Incorrect username or password.!', status: 400 });
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('an unknown error is retryable only when the service failed (5xx)', () => {
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: '', status: 400 })).toMatchObject({ code: 'unknown', retryable: false });
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: '', status: 503 })).toMatchObject({ code: 'serviceUnavailable', retryable: true });
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: '', status: 499 }).code).toBe('unknown');
    expect(mapCognitoError('GetUser', undefined, { name: 'OddException', message: '', status: 500 }).code).toBe('serviceUnavailable');
  });

  it('what answered instead of Cognito is said after the message', () => {
    const error = mapCognitoError('GetUser', undefined, { name: 'HTTP502', message: '', status: 502, answer: 'the service answered HTTP 502 with text/html, not JSON' });
    expect(error.message).toBe('The user pool service is unavailable; please try again shortly. (the service answered HTTP 502 with text/html, not JSON)');
  });
});

describe('cognitoErrorName', () => {
  it.each([
    ['NotAuthorizedException', 'NotAuthorizedException'],
    ['com.amazonaws.cognito#NotAuthorizedException', 'NotAuthorizedException'],
    ['TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.service/', 'TooManyRequestsException'],
    ['CognitoLocal#Unsupported', 'CognitoLocal#Unsupported'],
    ['HTTP404', 'HTTP404'],
  ])('%s → %s', (type, name) => {
    expect(cognitoErrorName(type)).toBe(name);
  });
});
