const MAX_LENGTH = 2048;

/**
 * The page to go back to after sign-in, when `value` names one on `origin`; otherwise null.
 * Only root-relative paths pass: no scheme (`https:`, `javascript:`), no protocol-relative
 * `//host`, no backslash (browsers read `/\host` as `//host`), no whitespace or control
 * characters (URL parsing drops tabs and newlines, turning `/\t/host` into `//host`), and nothing
 * that normalises to `//host` (`/..//host`). The result is normalised (`pathname + search + hash`).
 */
export function safeReturnTo(value: unknown, origin: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u0020\u007f-\u00a0\u2028\u2029]/.test(value)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? null : path;
}
