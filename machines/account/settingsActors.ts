import { fromPromise } from 'xstate';
import { totpUri } from '../actors/totpUri.js';
import { AuthError } from '../AuthError.js';
import type { TotpSetup } from '../TotpSetup.js';
import { requireMfaCode, requirePassword } from '../validateInput.js';
import { mfaPreferenceRequest, type MfaPreference } from './mfaPreferenceRequest.js';
import type { SettingsInput } from './SettingsContext.js';

type RequestInput<Extra = object> = SettingsInput & Extra;

export const changePassword = fromPromise<void, RequestInput<{ previousPassword: string; proposedPassword: string }>>(
  async ({ input, signal }) => {
    const previous = requirePassword(input.previousPassword, 'your current password');
    const proposed = requirePassword(input.proposedPassword, 'a new password');
    const { accessToken } = await input.signedInUser();
    await input.ports.transport.call(
      'ChangePassword',
      { AccessToken: accessToken, PreviousPassword: previous, ProposedPassword: proposed },
      { signal },
    );
  },
);

/** Starts TOTP for the signed-in user: a secret to show as a QR code and as text. */
export const setUpTotp = fromPromise<TotpSetup, RequestInput>(async ({ input, signal }) => {
  const { accessToken, accountName } = await input.signedInUser();
  const output = await input.ports.transport.call('AssociateSoftwareToken', { AccessToken: accessToken }, { signal });
  if (!output.SecretCode) throw new AuthError('invalidResponse', 'The user pool returned no TOTP secret.');
  return { secretCode: output.SecretCode, otpauthUri: totpUri(input.config.totpIssuer, accountName, output.SecretCode) };
});

/** Verifies the first code from the app, then makes TOTP the user's preferred MFA. */
export const verifyTotp = fromPromise<void, RequestInput<{ code: () => string }>>(async ({ input, signal }) => {
  const { config, ports } = input;
  const code = requireMfaCode(input.code());
  const { accessToken } = await input.signedInUser();
  const verified = await ports.transport.call(
    'VerifySoftwareToken',
    { AccessToken: accessToken, UserCode: code, FriendlyDeviceName: config.totpIssuer },
    { signal },
  );
  if (verified.Status !== 'SUCCESS') throw new AuthError('codeMismatch', 'That code is not right; check it and try again.');
  await ports.transport.call(
    'SetUserMFAPreference',
    { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    { signal },
  );
});

/** Turns SMS, email and TOTP MFA on or off (each must be set up) and sets the preferred one. */
export const setMfaPreference = fromPromise<void, RequestInput<{ preference: MfaPreference }>>(async ({ input, signal }) => {
  const settings = mfaPreferenceRequest(input.preference);
  const { accessToken } = await input.signedInUser();
  await input.ports.transport.call('SetUserMFAPreference', { AccessToken: accessToken, ...settings }, { signal });
});
