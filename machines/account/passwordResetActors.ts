import { fromPromise } from 'xstate';
import type { AuthMachineInput } from '../AuthContext.js';
import type { CodeDelivery } from './AccountContext.js';
import { requireConfirmationCode, requirePassword, requireText } from '../validateInput.js';
import { toCodeDelivery } from './signUpActors.js';

/** ForgotPassword: Cognito sends a reset code to the user's verified email or phone. */
export const forgotPassword = fromPromise<CodeDelivery | null, AuthMachineInput & { username: string }>(
  async ({ input, signal }) => {
    const username = requireText(input.username, 'a username');
    const output = await input.ports.transport.call(
      'ForgotPassword',
      { ClientId: input.config.clientId, Username: username },
      { signal },
    );
    return toCodeDelivery(output.CodeDeliveryDetails);
  },
);

export const confirmPasswordReset = fromPromise<void, AuthMachineInput & { username: string; code: string; newPassword: string }>(
  async ({ input, signal }) => {
    const username = requireText(input.username, 'a username');
    const code = requireConfirmationCode(input.code);
    const password = requirePassword(input.newPassword, 'a new password');
    await input.ports.transport.call(
      'ConfirmForgotPassword',
      { ClientId: input.config.clientId, Username: username, ConfirmationCode: code, Password: password },
      { signal },
    );
  },
);
