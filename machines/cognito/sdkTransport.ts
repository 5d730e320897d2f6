import {
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  ConfirmDeviceCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  DeleteWebAuthnCredentialCommand,
  ForgetDeviceCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  ListWebAuthnCredentialsCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateDeviceStatusCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoOperation, CognitoOperations, CognitoTransport } from './CognitoTransport.js';
import { flowOf } from './flowOf.js';
import { cognitoErrorName, mapCognitoError, networkError, timeoutError } from './mapCognitoError.js';

type Send<Op extends CognitoOperation> = (
  client: CognitoIdentityProviderClient,
  input: CognitoOperations[Op]['input'],
  options: { abortSignal: AbortSignal },
) => Promise<CognitoOperations[Op]['output']>;

/**
 * Each operation through its SDK command. No casts: the compiler checks here that each of our
 * requests is an SDK command input and each SDK command output reads as our response (and
 * test/unit/cognito/cognitoWire.types.test.ts checks the member names too).
 */
const SEND: { [Op in CognitoOperation]: Send<Op> } = {
  AssociateSoftwareToken: (client, input, options) => client.send(new AssociateSoftwareTokenCommand(input), options),
  ChangePassword: (client, input, options) => client.send(new ChangePasswordCommand(input), options),
  CompleteWebAuthnRegistration: (client, input, options) => client.send(new CompleteWebAuthnRegistrationCommand(input), options),
  ConfirmDevice: (client, input, options) => client.send(new ConfirmDeviceCommand(input), options),
  ConfirmForgotPassword: (client, input, options) => client.send(new ConfirmForgotPasswordCommand(input), options),
  ConfirmSignUp: (client, input, options) => client.send(new ConfirmSignUpCommand(input), options),
  DeleteUser: (client, input, options) => client.send(new DeleteUserCommand(input), options),
  DeleteUserAttributes: (client, input, options) => client.send(new DeleteUserAttributesCommand(input), options),
  DeleteWebAuthnCredential: (client, input, options) => client.send(new DeleteWebAuthnCredentialCommand(input), options),
  ForgetDevice: (client, input, options) => client.send(new ForgetDeviceCommand(input), options),
  ForgotPassword: (client, input, options) => client.send(new ForgotPasswordCommand(input), options),
  GetTokensFromRefreshToken: (client, input, options) => client.send(new GetTokensFromRefreshTokenCommand(input), options),
  GetUser: (client, input, options) => client.send(new GetUserCommand(input), options),
  GetUserAttributeVerificationCode: (client, input, options) => client.send(new GetUserAttributeVerificationCodeCommand(input), options),
  GlobalSignOut: (client, input, options) => client.send(new GlobalSignOutCommand(input), options),
  InitiateAuth: (client, input, options) => client.send(new InitiateAuthCommand(input), options),
  ListDevices: (client, input, options) => client.send(new ListDevicesCommand(input), options),
  ListWebAuthnCredentials: (client, input, options) => client.send(new ListWebAuthnCredentialsCommand(input), options),
  ResendConfirmationCode: (client, input, options) => client.send(new ResendConfirmationCodeCommand(input), options),
  RespondToAuthChallenge: (client, input, options) => client.send(new RespondToAuthChallengeCommand(input), options),
  RevokeToken: (client, input, options) => client.send(new RevokeTokenCommand(input), options),
  SetUserMFAPreference: (client, input, options) => client.send(new SetUserMFAPreferenceCommand(input), options),
  SignUp: (client, input, options) => client.send(new SignUpCommand(input), options),
  StartWebAuthnRegistration: (client, input, options) => client.send(new StartWebAuthnRegistrationCommand(input), options),
  UpdateDeviceStatus: (client, input, options) => client.send(new UpdateDeviceStatusCommand(input), options),
  UpdateUserAttributes: (client, input, options) => client.send(new UpdateUserAttributesCommand(input), options),
  VerifySoftwareToken: (client, input, options) => client.send(new VerifySoftwareTokenCommand(input), options),
  VerifyUserAttribute: (client, input, options) => client.send(new VerifyUserAttributeCommand(input), options),
};

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
    const authFlow = flowOf(input);
    const timeout = AbortSignal.timeout(timeoutMs);
    const abortSignal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const send: Send<Op> = SEND[operation];
      return await send(client, input, { abortSignal });
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
