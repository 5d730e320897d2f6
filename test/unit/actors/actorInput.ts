import { createActor, toPromise, type AnyActorLogic, type InputFrom, type OutputFrom } from 'xstate';
import { memoryStorage, noRefreshLock, resolveConfig, type AuthConfigInput } from '../../../machines/index.js';
import type { AuthMachineInput } from '../../../machines/AuthContext.js';
import { createSession } from '../../../machines/tokens/createSession.js';
import type { Session } from '../../../machines/tokens/Session.js';
import type { FakeCognito } from '../../support/FakeCognito.js';
import { makeTokenSet, TEST_POOL, type TokenOptions } from '../../support/fakeTokens.js';

/** The device clock of these tests (ms); the tokens below are issued at it. */
export const NOW = 1_800_000_000_000;

/** What the machine gives an actor: the test pool's config and ports that do nothing but talk to `cognito`. */
export function actorInput(cognito: FakeCognito, config: Partial<AuthConfigInput> = {}): AuthMachineInput {
  return {
    config: resolveConfig({ userPoolId: TEST_POOL.userPoolId, clientId: TEST_POOL.clientId, ...config }),
    ports: {
      transport: cognito,
      storage: memoryStorage(),
      clock: { now: () => NOW },
      channel: null,
      lock: noRefreshLock,
      random: () => 0.5,
      wake: null,
      activity: null,
      oauth: null,
      choice: null,
      passkeys: null,
      devices: null,
    },
  };
}

/** A token set as Cognito's InitiateAuth returns it, issued now. */
export function tokenAnswer(options: Partial<TokenOptions> = {}) {
  const tokens = makeTokenSet({ iatSeconds: NOW / 1000, ...options });
  return { AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, RefreshToken: tokens.refreshToken } };
}

/** A valid session signed in now, for the actors that refresh or revoke one. */
export function sessionFor(input: AuthMachineInput): Session {
  return createSession(makeTokenSet({ iatSeconds: NOW / 1000 }), input.config, NOW);
}

/** Runs one actor to its end, as the machine invokes it. */
export function run<Logic extends AnyActorLogic>(logic: Logic, input: InputFrom<Logic>): Promise<OutputFrom<Logic>> {
  return toPromise(createActor(logic, { input }).start());
}

/** A Cognito handler that never answers (a request in flight until aborted); `called` resolves with the signal it was called with. */
export function hanging() {
  let calledWith: (signal: AbortSignal | undefined) => void = () => {};
  const called = new Promise<AbortSignal | undefined>((resolve) => (calledWith = resolve));
  const handler = (_input: unknown, signal: AbortSignal | undefined) => {
    calledWith(signal);
    return new Promise<never>(() => {});
  };
  return { called, handler };
}
