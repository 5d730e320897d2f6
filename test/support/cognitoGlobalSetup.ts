// Vitest global setup: one cognito-local for the whole run, on a free loopback port,
// seeded with the local pool. Tests read it with `inject('cognito')`.
// Loads vitest's types so the ProvidedContext augmentation below has a module to merge into
// (without it tsc says module 'vitest' cannot be found).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startCognitoLocal } from '../../dev/cognitoLocal.js';
import { LOCAL_POOL, type LocalPool } from '../../dev/localPool.js';

/** What `inject('cognito')` returns: the local pool plus where the emulator listens. */
export interface CognitoContext extends LocalPool {
  /** `http://127.0.0.1:PORT`; tokens' `iss` is `${endpoint}/${userPoolId}`. */
  endpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cognito: CognitoContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cognito = await startCognitoLocal();
  project.provide('cognito', { ...LOCAL_POOL, endpoint: cognito.endpoint });
  return () => cognito.stop();
}
