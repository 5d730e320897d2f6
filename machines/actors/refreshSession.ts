import { fromPromise } from 'xstate';
import { AuthError, toAuthError } from '../AuthError.js';
import type { AuthMachineInput } from '../AuthContext.js';
import type { RefreshApi } from '../ResolvedAuthConfig.js';
import { failureToReport, mayFallBack, operationMissing } from '../cognito/refreshFallback.js';
import { readRefreshApi, rememberRefreshApi, type RefreshOperationChoice } from '../cognito/rememberedRefreshApi.js';
import type { NewDevice } from '../devices/DevicePort.js';
import type { Session } from '../tokens/Session.js';
import { toSignInResult } from './signInResult.js';

export type RefreshInput = AuthMachineInput & {
  session: Session;
  refreshApi: RefreshApi;
  /** The device this sign-in was given whose confirmation failed; null when none. */
  unconfirmedDevice?: NewDevice | null;
};

export interface RefreshOutput {
  session: Session;
  /** The operation that answered (with `auto`, the one remembered for the next refresh). */
  refreshApi: RefreshOperationChoice;
}

/**
 * New tokens from the refresh token. GetTokensFromRefreshToken works whether or not the app
 * client rotates refresh tokens (and is required when it does); a rotated refresh token comes
 * back with the tokens. With `auto`, an endpoint that lacks it (cognito-local, other emulators)
 * gets InitiateAuth REFRESH_TOKEN_AUTH, which keeps the refresh token, in the same attempt; the
 * operation that worked is remembered per pool and client across reloads.
 */
export const refreshSession = fromPromise<RefreshOutput, RefreshInput>(async ({ input, signal }) => {
  const { config, ports, refreshApi } = input;
  await confirmDeviceFirst(input, signal);
  const refreshWith = async (choice: RefreshOperationChoice): Promise<RefreshOutput> => ({
    session: await callRefresh(input, choice, signal),
    refreshApi: choice,
  });
  if (refreshApi !== 'auto') return refreshWith(refreshApi);

  const remembered = readRefreshApi(ports.storage, config.storageKey);
  const first = remembered ?? 'getTokensFromRefreshToken';
  try {
    return await refreshWith(first);
  } catch (firstError) {
    if (signal.aborted) throw firstError;
    if (!mayFallBack(firstError)) {
      if (!remembered) throw firstError;
      // A remembered choice failed for good: forget it. A refused InitiateAuth may mean the app
      // client rotates refresh tokens since (it then refuses REFRESH_TOKEN_AUTH, and the token
      // was not spent): ask the operation that works everywhere before ending the session.
      rememberRefreshApi(ports.storage, config.storageKey, null);
      if (remembered !== 'initiateAuth' || toAuthError(firstError).code !== 'refreshRejected') throw firstError;
      return refreshWith('getTokensFromRefreshToken');
    }
    const second = first === 'initiateAuth' ? 'getTokensFromRefreshToken' : 'initiateAuth';
    try {
      const output = await refreshWith(second);
      if (operationMissing(firstError)) rememberRefreshApi(ports.storage, config.storageKey, second);
      return output;
    } catch (secondError) {
      if (signal.aborted) throw secondError;
      throw failureToReport(firstError, secondError);
    }
  }
});

/**
 * The pool refreshes only a confirmed device's tokens: a device whose confirmation failed at
 * sign-in (offline, throttled) is confirmed now, while the access token still holds. A failure
 * fails this refresh like any other (a network error is tried again). DeviceKeyExists: the
 * sign-in's confirmation reached the pool though its answer was lost; the tokens refresh, and the
 * device is not remembered here (its secret went with that answer).
 */
async function confirmDeviceFirst(input: RefreshInput, signal: AbortSignal): Promise<void> {
  const { config, ports, session, unconfirmedDevice } = input;
  if (!unconfirmedDevice || !ports.devices || session.accessClaims.device_key !== unconfirmedDevice.deviceKey) return;
  try {
    await ports.devices.confirm({ config, ports, session, newDevice: unconfirmedDevice }, signal);
  } catch (error) {
    if (toAuthError(error).cognitoName !== 'DeviceKeyExistsException') throw error;
  }
}

async function callRefresh(input: RefreshInput, choice: RefreshOperationChoice, signal: AbortSignal): Promise<Session> {
  const { config, ports, session } = input;
  const refreshToken = session.tokens.refreshToken;
  // On a pool that tracks devices, tokens issued to a device are refreshed only with its key.
  const deviceKey = session.accessClaims.device_key;
  const sentAt = ports.clock.now();
  const output =
    choice === 'getTokensFromRefreshToken'
      ? await ports.transport.call(
          'GetTokensFromRefreshToken',
          { RefreshToken: refreshToken, ClientId: config.clientId, ...(deviceKey ? { DeviceKey: deviceKey } : {}) },
          { signal },
        )
      : await ports.transport.call(
          'InitiateAuth',
          {
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: config.clientId,
            AuthParameters: { REFRESH_TOKEN: refreshToken, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
          },
          { signal },
        );
  const result = toSignInResult(output, session.idClaims.sub, config, sentAt, refreshToken);
  if (!result.session) throw new AuthError('unsupportedChallenge', 'The user pool asked for a challenge during refresh.');
  return result.session;
}
