import { AuthError } from '../AuthError.js';
import type { GetUserResponse } from '../cognito/cognitoWire.js';
import type { AccountUser } from './AccountDataContext.js';
import { mfaMethodOf, type MfaMethod } from './MfaMethod.js';

/**
 * GetUser's answer as the app reads it. MFA comes from UserMFASettingList and
 * PreferredMfaSetting; the legacy MFAOptions (SMS set by admin calls before 2019) are not read:
 * Cognito lists those in UserMFASettingList too.
 */
export function accountUserOf(output: GetUserResponse): AccountUser {
  if (!output.Username) throw new AuthError('invalidResponse', 'The user pool returned no username for this user.', { operation: 'GetUser' });
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of output.UserAttributes ?? []) if (Name) attributes[Name] = Value ?? '';
  const enabled = [...new Set((output.UserMFASettingList ?? []).map(mfaMethodOf))].filter((method): method is MfaMethod => method !== null);
  return { username: output.Username, attributes, mfa: { enabled, preferred: mfaMethodOf(output.PreferredMfaSetting) } };
}
