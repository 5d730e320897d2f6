// The same app as authchartDefault.ts, reaching Cognito through the AWS SDK v3 client instead.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createAuth } from '../../../machines/index.js';
import { sdkTransport } from '../../../machines/sdk.js';
import { readCredentials, showResult } from './appShell.js';

const auth = createAuth({
  userPoolId: 'eu-west-1_AbC123xyZ',
  clientId: '1example23456789',
  transport: sdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' })),
});

document.querySelector('form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  await auth.signIn(readCredentials());
  const tokens = await auth.getTokens();
  const response = await auth.fetch('/api/notes');
  showResult(tokens?.idToken.length, await response.text());
  await auth.signOut();
});
