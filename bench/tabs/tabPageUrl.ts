import { LOCAL_POOL } from '../../dev/localPool.js';

export type TabsLibrary = 'authchart' | 'amplify';

/** The bench page of one library, set for the 30-second client and a Cognito endpoint (a proxy). */
export function tabPageUrl(pagesOrigin: string, library: TabsLibrary, endpoint: string, cognitoEndpoint: string): string {
  const url = new URL(`/${library}Tab.html`, pagesOrigin);
  url.search = new URLSearchParams({
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.shortClientId,
    endpoint,
    // The emulator's issuer: the page reaches it through the proxy, on another port.
    issuer: `${cognitoEndpoint}/${LOCAL_POOL.userPoolId}`,
  }).toString();
  return url.toString();
}
