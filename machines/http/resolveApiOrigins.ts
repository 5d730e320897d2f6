import { AuthError } from '../AuthError.js';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Loopback is the one place plain http is acceptable: the traffic never leaves the machine. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname));
}

/**
 * The origins whose requests carry a token. Tokens go nowhere else, and never over plain http
 * except to loopback. Without configuration: the page's own origin, when it qualifies.
 */
export function resolveApiOrigins(configured: readonly string[] | undefined, pageOrigin: string | undefined): Set<string> {
  if (configured === undefined) {
    const page = pageOrigin ? new URL(pageOrigin) : undefined;
    return new Set(page && isSecureOrLoopback(page) ? [page.origin] : []);
  }
  return new Set(
    configured.map((origin) => {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new AuthError('invalidConfig', `apiOrigins: "${origin}" is not a URL.`);
      }
      if (!isSecureOrLoopback(url)) {
        throw new AuthError('invalidConfig', `apiOrigins: "${url.origin}" must use https (plain http only for loopback).`);
      }
      return url.origin;
    }),
  );
}
