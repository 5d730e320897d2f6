import type { AuthMachineInput, SignInResult } from '../AuthContext.js';
import type { InitiateAuthResponse } from '../cognito/cognitoWire.js';
import { passwordClaim } from '../srp/passwordClaim.js';
import type { SrpSecret } from '../srp/startSrp.js';
import { onDevice, toSignInResult } from './signInResult.js';
import { withoutUnknownDevice } from './withoutUnknownDevice.js';

export interface PasswordVerifierInput extends AuthMachineInput {
  /** Cognito's PASSWORD_VERIFIER challenge: SRP_B, SALT, SECRET_BLOCK and maybe a session. */
  verifier: Pick<InitiateAuthResponse, 'ChallengeParameters' | 'Session'>;
  secret: SrpSecret;
  password: string;
  username: string;
  /** The device remembered for this user, named again with the proof (Cognito asks for it there too). */
  deviceKey?: string | null;
  signal: AbortSignal;
}

/**
 * The second half of an SRP sign-in (USER_SRP_AUTH, CUSTOM_WITH_SRP, or PASSWORD_SRP chosen under
 * USER_AUTH): proves the password to PASSWORD_VERIFIER without sending it. The secret `a` never
 * leaves the actor that made it.
 */
export async function answerPasswordVerifier(input: PasswordVerifierInput): Promise<SignInResult> {
  const { config, ports, verifier } = input;
  const responses = await passwordClaim({
    realm: config.userPoolId.slice(config.userPoolId.indexOf('_') + 1),
    password: input.password,
    secret: input.secret,
    parameters: verifier.ChallengeParameters ?? {},
    username: input.username,
    now: ports.clock.now(),
  });
  const answeredAt = ports.clock.now();
  // The pool checks the device before the proof, so the same answer may go again without it.
  const { answer, deviceKey } = await withoutUnknownDevice({ config, ports, username: input.username }, input.deviceKey ?? null, (deviceKey) =>
    ports.transport.call(
      'RespondToAuthChallenge',
      {
        ChallengeName: 'PASSWORD_VERIFIER',
        ClientId: config.clientId,
        ChallengeResponses: deviceKey ? { ...responses, DEVICE_KEY: deviceKey } : responses,
        // Cognito may issue a session with PASSWORD_VERIFIER, or not; only what it issued goes back.
        ...(verifier.Session ? { Session: verifier.Session } : {}),
      },
      { signal: input.signal },
    ),
  );
  return onDevice(toSignInResult(answer, responses['USERNAME']!, config, answeredAt), deviceKey);
}
