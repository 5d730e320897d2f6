import { fromPromise } from 'xstate';
import { AuthError } from '../AuthError.js';
import type { AuthMachineInput } from '../AuthContext.js';
import type { TotpSetup } from '../TotpSetup.js';
import type { Session } from '../tokens/Session.js';
import { requireMfaCode, requirePassword } from '../validateInput.js';
import { totpUri } from './totpUri.js';

type SignedInInput<Extra = object> = AuthMachineInput & { session: Session } & Extra;

export const changePassword = fromPromise<void, SignedInInput<{ previousPassword: string; proposedPassword: string }>>(
  async ({ input, signal }) => {
    const previous = requirePassword(input.previousPassword, 'your current password');
    const proposed = requirePassword(input.proposedPassword, 'a new password');
    await input.ports.transport.call(
      'ChangePassword',
      { AccessToken: input.session.tokens.accessToken, PreviousPassword: previous, ProposedPassword: proposed },
      { signal },
    );
  },
);

/** Starts TOTP for a signed-in user: a secret to show as a QR code and as text. */
export const setUpTotp = fromPromise<TotpSetup, SignedInInput>(async ({ input, signal }) => {
  const { config, ports, session } = input;
  const output = await ports.transport.call('AssociateSoftwareToken', { AccessToken: session.tokens.accessToken }, { signal });
  if (!output.SecretCode) throw new AuthError('unknown', 'The user pool returned no TOTP secret.');
  const account = session.idClaims['cognito:username'] ?? session.idClaims.email ?? session.idClaims.sub;
  return { secretCode: output.SecretCode, otpauthUri: totpUri(config.totpIssuer, account, output.SecretCode) };
});

/** Verifies the first code from the app, then makes TOTP the user's preferred MFA. */
export const verifyTotp = fromPromise<void, SignedInInput<{ code: string }>>(async ({ input, signal }) => {
  const { config, ports, session } = input;
  const code = requireMfaCode(input.code);
  const verified = await ports.transport.call(
    'VerifySoftwareToken',
    { AccessToken: session.tokens.accessToken, UserCode: code, FriendlyDeviceName: config.totpIssuer },
    { signal },
  );
  if (verified.Status !== 'SUCCESS') throw new AuthError('codeMismatch', 'That code is not right; check it and try again.');
  await ports.transport.call(
    'SetUserMFAPreference',
    { AccessToken: session.tokens.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    { signal },
  );
});

/** Turns TOTP MFA on (it must have been set up) or off for the signed-in user. */
export const setMfaPreference = fromPromise<void, SignedInInput<{ totp: boolean }>>(async ({ input, signal }) => {
  await input.ports.transport.call(
    'SetUserMFAPreference',
    {
      AccessToken: input.session.tokens.accessToken,
      SoftwareTokenMfaSettings: { Enabled: input.totp, PreferredMfa: input.totp },
    },
    { signal },
  );
});
