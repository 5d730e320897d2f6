import type { AuthContext, AuthMachineInput } from './AuthContext.js';

/** What every invoked actor gets: the resolved config and the ports (its own input adds to it). */
export function machineInput(context: AuthContext): AuthMachineInput {
  return { config: context.config, ports: context.ports };
}
