import type { AuthErrorCode } from '../AuthError.js';
import type { CognitoOperation } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';

/** What the worker's remembered devices do for the page: their secrets stay in the worker. */
export type DeviceOperation = 'confirm' | 'prove' | 'forget' | 'forgetName';

/** Page → worker. */
export type VaultRequest =
  | { kind: 'configure'; options: Omit<FetchTransportOptions, 'fetch'> }
  | { kind: 'call'; id: number; operation: CognitoOperation; input: unknown }
  /** A `devices` port call; `input` is the port's input without `ports` (the worker has its own). */
  | { kind: 'device'; id: number; operation: DeviceOperation; input: unknown }
  /** The page gave up on call `id` (sign-out, a state left): the worker aborts its request. */
  | { kind: 'abort'; id: number };

/** Worker → page: an AuthError crosses as its JSON and is rebuilt on the other side. */
export type VaultResponse =
  | { id: number; output: unknown }
  | { id: number; error: { code: AuthErrorCode; message: string; operation?: string; cognitoName?: string } };
