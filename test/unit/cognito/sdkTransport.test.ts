import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../machines/index.js';
import { sdkTransport } from '../../../machines/sdk.js';
import { recordWireRequest } from '../../support/wire/recordWireRequest.js';

/** A client whose `send` is scripted: the SDK's own Command objects reach it (and are checked). */
function scriptedClient(send: (command: unknown, options: { abortSignal?: AbortSignal }) => Promise<unknown>): CognitoIdentityProviderClient {
  const checkedSend = (command: { constructor: { name: string }; input: unknown }, options: { abortSignal?: AbortSignal } = {}) => {
    recordWireRequest('sdkTransport', command.constructor.name.replace(/Command$/, ''), command.input);
    return send(command, options);
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

describe('sdkTransport without an answer', () => {
  /** A client that answers only when aborted, with the signal's reason, as the SDK's fetch handler does. */
  const hanging = () =>
    scriptedClient((_command, { abortSignal }) => new Promise((_resolve, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason))));
  const revoke = { Token: 't', ClientId: 'c' };

  it('a service that never answers is a retryable timeout, with or without a caller signal', async () => {
    const alone = await sdkTransport(hanging(), 20).call('RevokeToken', revoke).catch((e: unknown) => e);
    expect(alone).toMatchObject({ code: 'timeout', retryable: true, operation: 'RevokeToken' });
    const withSignal = sdkTransport(hanging(), 20).call('RevokeToken', revoke, { signal: new AbortController().signal });
    expect(await withSignal.catch((e: unknown) => e)).toMatchObject({ code: 'timeout' });
  });

  it("the caller's abort ends the request and comes back as it is, not as an outage to retry", async () => {
    const controller = new AbortController();
    const call = sdkTransport(hanging()).call('RevokeToken', revoke, { signal: controller.signal });
    const reason = new DOMException('signed out', 'AbortError');
    controller.abort(reason);
    expect(await call.catch((e: unknown) => e)).toBe(reason);
  });

  it.each([['a string', 'socket hang up'], ['null', null]])('a client that rejects with %s (not an Error) is a network error', async (_, thrown) => {
    const client = scriptedClient(() => Promise.reject(thrown));
    expect(await sdkTransport(client).call('RevokeToken', revoke).catch((e: unknown) => e)).toMatchObject({ code: 'network', cause: thrown });
  });
});
