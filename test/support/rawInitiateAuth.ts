/**
 * InitiateAuth by hand, without authchart's transports, so tests of the local world (seed, demo
 * API) do not depend on the code they are there to check.
 */
export interface RawAuthenticationResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
}

export async function rawInitiateAuth(
  endpoint: string,
  clientId: string,
  authFlow: string,
  parameters: Record<string, string>,
): Promise<RawAuthenticationResult> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      'Content-Type': 'application/x-amz-json-1.1',
    },
    body: JSON.stringify({ AuthFlow: authFlow, ClientId: clientId, AuthParameters: parameters }),
  });
  if (response.status !== 200) throw new Error(`InitiateAuth answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { AuthenticationResult: RawAuthenticationResult };
  return body.AuthenticationResult;
}

/** The demo user's tokens from the given client. */
export function rawSignIn(
  cognito: { endpoint: string; demoUser: { username: string; password: string } },
  clientId: string,
): Promise<RawAuthenticationResult> {
  return rawInitiateAuth(cognito.endpoint, clientId, 'USER_PASSWORD_AUTH', {
    USERNAME: cognito.demoUser.username,
    PASSWORD: cognito.demoUser.password,
  });
}
