// A bare page for the chromium SRP test: createAuth with its defaults (SRP) against the endpoint
// that serves this page, so BigInt and WebCrypto run in the browser itself.
import { createAuth } from '../../../machines/index.js';

declare global {
  interface Window {
    srpSignIn(userPoolId: string, clientId: string, username: string, password: string): Promise<string>;
  }
}

window.srpSignIn = async (userPoolId, clientId, username, password) => {
  const auth = createAuth({ userPoolId, clientId, endpoint: location.origin, storage: 'memory', tabs: false });
  try {
    return await auth.signIn({ username, password });
  } catch (error) {
    return `failed: ${(error as { code?: string }).code}`;
  } finally {
    auth.stop();
  }
};
