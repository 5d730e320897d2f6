/**
 * The response headers the built demo app is hosted with, written down once: `vite preview`
 * sends them (dev/cspPlugin.js, and so the e2e tests' servers), and the deployed stack's
 * CloudFront response headers policy is made from them (infra/lib/responseSecurityHeaders.ts).
 * No imports: the CDK app loads this file as it is.
 *
 * The build has no inline script and no inline style (Svelte's component styles are extracted
 * into .css files, Vite loads chunks with <script src> and <link>), so the policy needs no
 * 'unsafe-inline', no nonces and no hashes. The QR code of TOTP set-up is inline SVG markup, which
 * style-src does not govern (it uses presentation attributes, not `style=`).
 *
 * Strict-Transport-Security is not here: `vite preview` serves plain http on loopback, where the
 * header means nothing (or, behind a local https proxy, pins localhost to https for every app).
 * The stack adds it on CloudFront.
 *
 * @param {readonly string[]} connectOrigins  what the app calls besides its own origin (the demo
 *   API is same-origin): the pool's Cognito endpoint and, with managed login, the pool's domain,
 *   where the code is exchanged by fetch. Used as given, never parsed: the stack passes
 *   CloudFormation tokens (the region is known at deploy time only).
 * @returns {Record<string, string>}  header name → value
 */
export function securityHeaders(connectOrigins) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectOrigins),
    // frame-ancestors 'none', for browsers that predate it.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // A managed-login answer arrives with ?code= in the URL: no Referer carries it elsewhere.
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * A header, not `<meta>`: frame-ancestors only works as a header.
 * @param {readonly string[]} connectOrigins
 */
function contentSecurityPolicy(connectOrigins) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...connectOrigins],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
