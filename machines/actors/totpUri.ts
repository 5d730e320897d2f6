/**
 * The `otpauth://` URI authenticator apps read from a QR code (Google's Key Uri Format):
 * `otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>`.
 */
export function totpUri(issuer: string, account: string, secretCode: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret: secretCode, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}
