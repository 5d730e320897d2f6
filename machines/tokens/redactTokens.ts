/**
 * JWTs (ID and access tokens: three parts) and Cognito refresh tokens (JWE: five parts) all start
 * with a base64url `{"` header, `eyJ`. Anything shaped like one is replaced before text leaves us.
 */
const TOKEN_SHAPE = /eyJ[\w-]*(?:\.[\w-]*){2,4}/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN_SHAPE, '[redacted token]');
}
