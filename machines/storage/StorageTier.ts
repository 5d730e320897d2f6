import type { CognitoTransport } from '../cognito/CognitoTransport.js';
import type { DevicePort } from '../devices/DevicePort.js';
import type { FetchTransportOptions } from '../cognito/fetchTransport.js';
import type { TokenStorage } from './TokenStorage.js';

/**
 * A place for tokens that brings its own Cognito calls: the worker tier (`authchart/worker`)
 * keeps refresh tokens where the page cannot read them, so the calls that use them happen there
 * too. `createAuth({ storage: tier })` takes storage and transport from it and stops it on `stop()`.
 */
export interface StorageTier {
  storage: TokenStorage;
  /** The transport that goes with this storage, given createAuth's request options. */
  transport(options: Omit<FetchTransportOptions, 'fetch'>): CognitoTransport;
  /**
   * Remembered devices whose secrets stay in the tier too, used instead of `createAuth`'s
   * `devices` (given, for its options) when the app asks for remembered devices: the worker
   * tier's run in its worker.
   */
  devices?(appDevices: DevicePort): DevicePort;
  /** Ends what the tier started (a worker). */
  stop(): void;
}
