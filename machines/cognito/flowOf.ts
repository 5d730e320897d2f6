/**
 * What decides the meaning of an error besides the operation: InitiateAuth's `AuthFlow`
 * (NotAuthorized on sign-in is a wrong password, on refresh the end of the session), or
 * RespondToAuthChallenge's `ChallengeName` (on a password proof, a wrong password; on an MFA
 * code, a stale session).
 */
export function flowOf(input: object): string | undefined {
  if ('AuthFlow' in input && typeof input.AuthFlow === 'string') return input.AuthFlow;
  if ('ChallengeName' in input && typeof input.ChallengeName === 'string') return input.ChallengeName;
  return undefined;
}
