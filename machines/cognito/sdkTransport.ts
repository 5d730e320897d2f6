import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoOperation, CognitoOperations, CognitoTransport } from './CognitoTransport.js';
import { flowOf } from './flowOf.js';
import { cognitoErrorName, mapCognitoError, networkError, timeoutError } from './mapCognitoError.js';

const COMMANDS = {
  AssociateSoftwareToken: AssociateSoftwareTokenCommand,
  ChangePassword: ChangePasswordCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  ForgotPassword: ForgotPasswordCommand,
  GlobalSignOut: GlobalSignOutCommand,
  GetTokensFromRefreshToken: GetTokensFromRefreshTokenCommand,
  InitiateAuth: InitiateAuthCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  RespondToAuthChallenge: RespondToAuthChallengeCommand,
  RevokeToken: RevokeTokenCommand,
  SetUserMFAPreference: SetUserMFAPreferenceCommand,
  SignUp: SignUpCommand,
  VerifySoftwareToken: VerifySoftwareTokenCommand,
} as const;

interface SdkServiceError {
  name: string;
  message: string;
  $metadata: { httpStatusCode?: number };
}

/** The SDK marks errors that came back from the service with `$metadata`; others never got an answer. */
function isServiceError(error: unknown): error is SdkServiceError {
  return typeof error === 'object' && error !== null && '$metadata' in error && 'name' in error;
}

/**
 * A transport over a user-supplied AWS SDK v3 client, for apps that already ship the SDK or need
 * its middleware (custom retries, logging, proxies). Errors are mapped exactly as fetchTransport's.
 */
export function sdkTransport(client: CognitoIdentityProviderClient, timeoutMs = 10_000): CognitoTransport {
  async function call<Op extends CognitoOperation>(
    operation: Op,
    input: CognitoOperations[Op]['input'],
    options: { signal?: AbortSignal } = {},
  ): Promise<CognitoOperations[Op]['output']> {
    const Command = COMMANDS[operation] as new (input: CognitoOperations[Op]['input']) => Parameters<
      CognitoIdentityProviderClient['send']
    >[0];
    const authFlow = flowOf(input);
    const timeout = AbortSignal.timeout(timeoutMs);
    const abortSignal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const output = await client.send(new Command(input), { abortSignal });
      return output as CognitoOperations[Op]['output'];
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (timeout.aborted) throw timeoutError(operation, error);
      if (!isServiceError(error)) throw networkError(operation, error);
      throw mapCognitoError(operation, authFlow, {
        name: cognitoErrorName(error.name),
        message: error.message,
        status: error.$metadata.httpStatusCode,
      });
    }
  }

  return { call };
}
