import type { AuthErrorCode } from '../AuthError.js';
import type { CognitoOperation } from '../cognito/CognitoTransport.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';

/** Page → worker. */
export type VaultRequest =
  | { kind: 'configure'; options: Omit<FetchTransportOptions, 'fetch'> }
  | { kind: 'call'; id: number; operation: CognitoOperation; input: unknown }
  /** The page gave up on call `id` (sign-out, a state left): the worker aborts its request. */
  | { kind: 'abort'; id: number };

/** Worker → page: an AuthError crosses as its JSON and is rebuilt on the other side. */
export type VaultResponse =
  | { id: number; output: unknown }
  | { id: number; error: { code: AuthErrorCode; message: string; operation?: string; cognitoName?: string } };
