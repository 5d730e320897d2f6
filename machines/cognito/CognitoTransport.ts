import type {
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  InitiateAuthRequest,
  InitiateAuthResponse,
  RevokeTokenRequest,
  RevokeTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * The Cognito user-pool operations authchart calls, typed with the AWS SDK's own shapes
 * (`import type` only: the SDK adds no bytes to a bundle that uses the fetch transport).
 */
export interface CognitoOperations {
  InitiateAuth: { input: InitiateAuthRequest; output: InitiateAuthResponse };
  RevokeToken: { input: RevokeTokenRequest; output: RevokeTokenResponse };
  GlobalSignOut: { input: GlobalSignOutRequest; output: GlobalSignOutResponse };
}

export type CognitoOperation = keyof CognitoOperations;

export interface CognitoCallOptions {
  signal?: AbortSignal;
}

/**
 * The port through which the machine talks to Cognito. An implementation sends one request and
 * either resolves with the operation's output or rejects with an `AuthError` made by
 * `mapCognitoError` (so every transport reports failures the same way).
 */
export interface CognitoTransport {
  call<Op extends CognitoOperation>(
    operation: Op,
    input: CognitoOperations[Op]['input'],
    options?: CognitoCallOptions,
  ): Promise<CognitoOperations[Op]['output']>;
}
