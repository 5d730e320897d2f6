import { fromPromise } from 'xstate';
import type { AuthMachineInput } from '../AuthContext.js';
import type { RedirectOptions, RedirectResponse, RedirectResult } from '../oauth/OAuthPort.js';

// Managed login's requests: the port (`hostedUi` from `authchart/oauth`) does the work, so apps
// that never redirect do not carry it. The chart reaches these states only with a port.

/** Keeps the pending request in this tab and navigates to the pool's sign-in page. */
export const startRedirect = fromPromise<void, AuthMachineInput & { options: RedirectOptions }>(({ input }) =>
  input.ports.oauth!.startRedirect(input.options, input.config),
);

/** The return from managed login: the code exchanged (once) for a checked session. */
export const completeRedirect = fromPromise<RedirectResult, AuthMachineInput & { response: RedirectResponse }>(({ input, signal }) =>
  input.ports.oauth!.completeRedirect(input.response, input.config, input.ports.clock, signal),
);
