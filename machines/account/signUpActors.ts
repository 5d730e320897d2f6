import { fromPromise } from 'xstate';
import type { CodeDeliveryDetailsType } from '../cognito/cognitoWire.js';
import type { AuthMachineInput, Credentials } from '../AuthContext.js';
import type { CodeDelivery } from './AccountContext.js';
import { requireConfirmationCode, requirePassword, requireText } from '../validateInput.js';

export interface SignUpOutput {
  username: string;
  /** True when the pool confirms users itself (a pre-sign-up trigger): no code to enter. */
  userConfirmed: boolean;
  codeDelivery: CodeDelivery | null;
}

export function toCodeDelivery(details: CodeDeliveryDetailsType | undefined): CodeDelivery | null {
  return details ? { destination: details.Destination, medium: details.DeliveryMedium } : null;
}

/** SignUp with attributes such as `email`; Cognito sends a confirmation code unless it auto-confirms. */
export const signUp = fromPromise<SignUpOutput, AuthMachineInput & Credentials & { attributes: Record<string, string> }>(
  async ({ input, signal }) => {
    const username = requireText(input.username, 'a username');
    const password = requirePassword(input.password);
    const output = await input.ports.transport.call(
      'SignUp',
      {
        ClientId: input.config.clientId,
        Username: username,
        Password: password,
        UserAttributes: Object.entries(input.attributes).map(([Name, Value]) => ({ Name, Value })),
      },
      { signal },
    );
    return { username, userConfirmed: output.UserConfirmed === true, codeDelivery: toCodeDelivery(output.CodeDeliveryDetails) };
  },
);

export const confirmSignUp = fromPromise<{ username: string }, AuthMachineInput & { username: string; code: string }>(
  async ({ input, signal }) => {
    const username = requireText(input.username, 'a username');
    const code = requireConfirmationCode(input.code);
    await input.ports.transport.call(
      'ConfirmSignUp',
      { ClientId: input.config.clientId, Username: username, ConfirmationCode: code },
      { signal },
    );
    return { username };
  },
);

/** cognito-local lacks this operation; it fails there with `unsupportedOperation`. */
export const resendSignUpCode = fromPromise<CodeDelivery | null, AuthMachineInput & { username: string }>(
  async ({ input, signal }) => {
    const username = requireText(input.username, 'a username');
    const output = await input.ports.transport.call(
      'ResendConfirmationCode',
      { ClientId: input.config.clientId, Username: username },
      { signal },
    );
    return toCodeDelivery(output.CodeDeliveryDetails);
  },
);
