import type { AuthMachineInput } from './AuthContext.js';

/**
 * What every invoked actor gets, in the session's chart and the account flows' alike: the
 * resolved config and the ports (its own input adds to it).
 */
export function machineInput(context: AuthMachineInput): AuthMachineInput {
  return { config: context.config, ports: context.ports };
}
