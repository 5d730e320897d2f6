// Starts the whole local world for browser tests: cognito-local, a production build of the demo
// app pointed at it, and `vite preview` serving that build plus the demo API, on free ports.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { startCognitoLocal } from '../../dev/cognitoLocal.js';
import { freePort } from '../../dev/freePort.js';
import { LOCAL_POOL, type LocalPool } from '../../dev/localPool.js';

export interface E2eContext extends LocalPool {
  /** The served app, e.g. `http://127.0.0.1:41234/`. */
  appUrl: string;
  cognitoEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cognito = await startCognitoLocal();
  try {
    // The build bakes these in; the preview server's demo API reads them too.
    Object.assign(process.env, {
      VITE_COGNITO_ENDPOINT: cognito.endpoint,
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_REGION: LOCAL_POOL.region,
    });
    await build({ logLevel: 'warn', mode: 'production' });
    const server = await preview({ preview: { host: '127.0.0.1', port: await freePort(), strictPort: true } });
    const appUrl = server.resolvedUrls?.local[0];
    if (!appUrl) throw new Error('vite preview did not report its URL');
    project.provide('e2e', { ...LOCAL_POOL, appUrl, cognitoEndpoint: cognito.endpoint });
    return async () => {
      await server.close();
      await cognito.stop();
    };
  } catch (error) {
    await cognito.stop();
    throw error;
  }
}
