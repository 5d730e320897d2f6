import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { sdkTransport } from '../../../machines/sdk.js';
import { recordWireRequest } from '../../support/wire/recordWireRequest.js';

/** A client whose `send` is scripted: the SDK's own Command objects reach it (and are checked). */
function scriptedClient(send: (command: unknown) => Promise<unknown>): CognitoIdentityProviderClient {
  const checkedSend = (command: { constructor: { name: string }; input: unknown }) => {
    recordWireRequest('sdkTransport', command.constructor.name.replace(/Command$/, ''), command.input);
    return send(command);
  };
  return { send: checkedSend } as unknown as CognitoIdentityProviderClient;
}

describe('sdkTransport', () => {
  it('sends the matching SDK command with the same input', async () => {
    const sent: unknown[] = [];
    const client = scriptedClient(async (command) => {
      sent.push(command);
      return { AuthenticationResult: { AccessToken: 'a' }, $metadata: {} };
    });
    const input = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } } as const;
    const output = await sdkTransport(client).call('InitiateAuth', input);
    expect(output.AuthenticationResult?.AccessToken).toBe('a');
    expect(sent[0]).toBeInstanceOf(InitiateAuthCommand);
    expect((sent[0] as InitiateAuthCommand).input).toEqual(input);
  });

  it('maps service errors by name, like fetchTransport', async () => {
    const client = scriptedClient(async () => {
      throw Object.assign(new Error('Refresh Token has been revoked'), {
        name: 'NotAuthorizedException',
        $metadata: { httpStatusCode: 400 },
      });
    });
    const error = await sdkTransport(client)
      .call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'c', AuthParameters: { REFRESH_TOKEN: 'r' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'refreshRejected', status: 400 });
  });

  it('maps errors without a service answer to network', async () => {
    const client = scriptedClient(async () => {
      throw new TypeError('fetch failed');
    });
    const error = await sdkTransport(client).call('RevokeToken', { Token: 't', ClientId: 'c' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', retryable: true });
  });
});
