import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { fetchTransport, type CognitoTransport } from '../../machines/index.js';
import { sdkTransport } from '../../machines/sdk.js';

/** Both transports, pointed at the test run's cognito-local: one contract, run through each. */
export function localTransports(cognito: { region: string; endpoint: string }): [string, () => CognitoTransport][] {
  return [
    ['fetchTransport', () => fetchTransport({ region: cognito.region, endpoint: cognito.endpoint })],
    [
      'sdkTransport',
      () =>
        sdkTransport(
          new CognitoIdentityProviderClient({
            region: cognito.region,
            endpoint: cognito.endpoint,
            // cognito-local answers unknown operations with 500; retries would only triple them.
            maxAttempts: 1,
            // The user-pool operations used here are unsigned; this only stops a credential lookup.
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }),
        ),
    ],
  ];
}
