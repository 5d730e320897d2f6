export interface TotpSetup {
  /** Base32 secret for authenticator apps (a secret: redacted from inspection). */
  secretCode: string;
  /** The same as an `otpauth://totp/...` URI, for a QR code. */
  otpauthUri: string;
}
