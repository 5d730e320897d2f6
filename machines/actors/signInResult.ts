import type { InitiateAuthResponse } from '../cognito/cognitoWire.js';
import { AuthError } from '../AuthError.js';
import type { ResolvedAuthConfig } from '../ResolvedAuthConfig.js';
import type { SignInResult } from '../AuthContext.js';
import { challengeKindOf, type Challenge } from '../challenges/Challenge.js';
import { createSession } from '../tokens/createSession.js';

/**
 * Turns InitiateAuth's or RespondToAuthChallenge's answer into validated tokens or the next
 * challenge. `previousRefreshToken` is kept when a refresh returns none (no rotation).
 */
export function toSignInResult(
  output: Pick<InitiateAuthResponse, 'AuthenticationResult' | 'ChallengeName' | 'ChallengeParameters' | 'Session'>,
  username: string,
  config: ResolvedAuthConfig,
  /** Device time the request was sent (the drift estimate's conservative end). */
  sentAt: number,
  previousRefreshToken = '',
): SignInResult {
  const result = output.AuthenticationResult;
  if (result) {
    const tokens = {
      idToken: result.IdToken ?? '',
      accessToken: result.AccessToken ?? '',
      refreshToken: result.RefreshToken ?? previousRefreshToken,
    };
    const device = result.NewDeviceMetadata;
    const session = createSession(tokens, config, sentAt);
    // A pool that tracks devices names this one; it is remembered only once confirmed.
    if (device?.DeviceKey && device.DeviceGroupKey) return { session, newDevice: { deviceKey: device.DeviceKey, deviceGroupKey: device.DeviceGroupKey } };
    return { session };
  }
  if (!output.ChallengeName || !output.Session) {
    throw new AuthError('unknown', 'The user pool answered with neither tokens nor a challenge.');
  }
  const parameters = output.ChallengeParameters ?? {};
  return {
    challenge: {
      name: output.ChallengeName,
      kind: challengeKindOf(output.ChallengeName),
      challengeSession: output.Session,
      // Cognito may answer with the canonical username (e.g. the sub when signing in by email).
      username: parameters.USER_ID_FOR_SRP ?? parameters.USERNAME ?? username,
      parameters,
      totpSetup: null,
      firstFactor: null,
    },
  };
}


/** The next step of a sign-in that named a remembered device names it too. */
export function onDevice(result: SignInResult, deviceKey: string | null | undefined): SignInResult {
  return result.challenge && deviceKey ? { challenge: { ...result.challenge, deviceKey } } : result;
}

/**
 * A challenge's answers (USERNAME first) with the device the sign-in named: Cognito reads
 * DEVICE_KEY from each answer, and without it tracks this sign-in as a new device.
 */
export function challengeResponses(challenge: Pick<Challenge, 'username' | 'deviceKey'>, responses: Record<string, string>): Record<string, string> {
  return { USERNAME: challenge.username, ...responses, ...(challenge.deviceKey ? { DEVICE_KEY: challenge.deviceKey } : {}) };
}
