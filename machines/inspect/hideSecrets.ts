import type { Challenge } from '../challenges/Challenge.js';
import type { Credentials } from '../AuthContext.js';
import type { TotpSetup } from '../TotpSetup.js';
import type { Session } from '../tokens/Session.js';
import { hideFromJson, REDACTED } from './hideFromJson.js';

// The machine stores secrets only through these, whatever actor produced them (including ones
// an app provides), so JSON of a snapshot or its context never shows a token, password,
// challenge session or TOTP secret. Each returns a copy; reading fields in code is unaffected.

export function sessionWithHiddenTokens(session: Session): Session {
  const tokens = hideFromJson({ ...session.tokens }, () => ({ idToken: REDACTED, accessToken: REDACTED, refreshToken: REDACTED }));
  return { ...session, tokens };
}

export function challengeWithHiddenSecrets(challenge: Challenge): Challenge {
  const totpSetup = challenge.totpSetup ? totpWithHiddenSecret(challenge.totpSetup) : null;
  return hideFromJson({ ...challenge, totpSetup }, (c) => ({ ...c, challengeSession: REDACTED }));
}

export function totpWithHiddenSecret(setup: TotpSetup): TotpSetup {
  return hideFromJson({ ...setup }, () => ({ secretCode: REDACTED, otpauthUri: REDACTED }));
}

export function credentialsWithHiddenPassword(credentials: Credentials): Credentials {
  return hideFromJson({ ...credentials }, (c) => ({ username: c.username, password: REDACTED }));
}
